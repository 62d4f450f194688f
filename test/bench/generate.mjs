// Generated Markdown posts for `npm run bench`: a folder of many ordinary posts and a folder
// holding one very large post. Deterministic (seeded), so every run measures the same text.
// The posts look like the blog's: YAML front matter (title, date, tags, summary), then
// headings, paragraphs with inline markup and links, bullet and numbered lists, block quotes,
// tables and code fences with a language.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Bump when the generated text changes, so old folders under the temp dir are rebuilt. */
export const GENERATOR_VERSION = 2;

/** A small seeded generator (mulberry32): the same posts on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'PostgreSQL', 'Kafka', 'Redis', 'Kubernetes', 'gRPC', 'GraphQL', 'Rust', 'Go', 'TypeScript',
  'WebAssembly', 'Terraform', 'Nginx', 'OAuth 2.0', 'WebSockets', 'SQLite', 'Elasticsearch',
  'Docker', 'Linux namespaces', 'TLS 1.3', 'HTTP/3', 'event sourcing', 'CQRS', 'rate limiting',
  'consistent hashing', 'B-trees', 'LSM trees', 'vector clocks', 'Raft', 'CRDTs', 'bloom filters',
];
const ANGLES = [
  'from zero to production', 'in practice', 'under load', 'the hard parts', 'a field guide',
  'explained with examples', 'without the hype', 'for backend developers', 'step by step',
  'lessons from an outage', 'a deep dive', 'patterns and pitfalls',
];
const NOUNS = [
  'request', 'index', 'replica', 'partition', 'transaction', 'cache', 'queue', 'schema', 'client',
  'server', 'connection', 'buffer', 'lock', 'snapshot', 'checkpoint', 'token', 'session', 'shard',
  'worker', 'pipeline', 'deployment', 'cluster', 'handler', 'timeout', 'retry', 'batch', 'cursor',
];
const VERBS = [
  'writes', 'reads', 'retries', 'batches', 'blocks', 'splits', 'merges', 'flushes', 'rejects',
  'accepts', 'routes', 'compresses', 'validates', 'serializes', 'replicates', 'evicts', 'drains',
];
const ADJECTIVES = [
  'slow', 'fast', 'stale', 'hot', 'cold', 'idempotent', 'durable', 'eventual', 'strict', 'lazy',
  'bounded', 'partial', 'concurrent', 'sequential', 'expensive', 'cheap', 'noisy', 'quiet',
];
const TAGS = [
  'databases', 'distributed-systems', 'performance', 'networking', 'security', 'devops',
  'architecture', 'backend', 'frontend', 'testing', 'observability', 'cloud', 'tutorial',
];
const LANGUAGES = ['python', 'javascript', 'typescript', 'go', 'bash', 'json', 'sql', 'yaml', 'rust', 'java'];

class Writer {
  constructor(seed) {
    this.random = prng(seed);
  }
  int(n) {
    return Math.floor(this.random() * n);
  }
  pick(list) {
    return list[this.int(list.length)];
  }
  word() {
    const r = this.random();
    if (r < 0.45) return this.pick(NOUNS);
    if (r < 0.7) return this.pick(VERBS);
    if (r < 0.9) return this.pick(ADJECTIVES);
    return this.pick(['the', 'a', 'every', 'each', 'no', 'one', 'its', 'their', 'this']);
  }
  sentence(plain = false) {
    const n = 8 + this.int(14);
    const words = [];
    for (let i = 0; i < n; i++) {
      let w = this.word();
      const r = plain ? 1 : this.random();
      if (r < 0.04) w = `\`${w}_${this.int(100)}\``;
      else if (r < 0.06) w = `**${w}**`;
      else if (r < 0.075) w = `*${w}*`;
      else if (r < 0.085) w = `[${w}](https://example.com/docs/${w}-${this.int(1000)})`;
      words.push(w);
    }
    if (this.random() < 0.3) words.splice(2 + this.int(4), 0, this.pick(TOPICS));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + (this.random() < 0.1 ? '?' : '.');
  }
  paragraph(min = 2, extra = 4) {
    const n = min + this.int(extra);
    return Array.from({ length: n }, () => this.sentence()).join(' ');
  }
  list(ordered) {
    const n = 3 + this.int(4);
    return Array.from({ length: n }, (_, i) => {
      const item = `${ordered ? `${i + 1}.` : '-'} ${this.sentence()}`;
      return this.random() < 0.15 ? `${item}\n  ${ordered ? '   ' : ''}- ${this.sentence()}` : item;
    }).join('\n');
  }
  table() {
    const cols = 3 + this.int(2);
    const head = Array.from({ length: cols }, (_, i) => (i === 0 ? 'Setting' : this.pick(NOUNS)));
    const rows = Array.from({ length: 3 + this.int(4) }, () =>
      Array.from({ length: cols }, (_, i) => (i === 0 ? `\`${this.pick(NOUNS)}.${this.pick(ADJECTIVES)}\`` : this.random() < 0.5 ? String(this.int(10000)) : `${this.word()} ${this.word()}`)),
    );
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
  }
  code() {
    const lang = this.pick(LANGUAGES);
    const n = 4 + this.int(12);
    const name = `${this.pick(VERBS)}_${this.pick(NOUNS)}`;
    const lines = [];
    for (let i = 0; i < n; i++) {
      const a = this.pick(NOUNS);
      const b = this.pick(NOUNS);
      const k = this.int(500);
      switch (lang) {
        case 'python': lines.push(i === 0 ? `def ${name}(${a}, ${b}=None):` : `    ${a}_${i} = ${b}.get("${a}", ${k})  # ${this.pick(ADJECTIVES)}`); break;
        case 'javascript':
        case 'typescript': lines.push(i === 0 ? `export async function ${name}(${a}${lang === 'typescript' ? ': string' : ''}) {` : `  const ${a}${i} = await ${b}.${this.pick(VERBS)}({ limit: ${k} });`); break;
        case 'go': lines.push(i === 0 ? `func ${name}(${a} string) error {` : `\tif err := ${b}.Do(ctx, "${a}", ${k}); err != nil { return err }`); break;
        case 'bash': lines.push(`${this.pick(['curl -s', 'kubectl get', 'psql -c', 'redis-cli', 'docker run --rm'])} ${a}-${k} | grep -c ${b}`); break;
        case 'json': lines.push(i === 0 ? '{' : `  "${a}_${i}": { "${b}": ${k}, "enabled": ${this.random() < 0.5} },`); break;
        case 'sql': lines.push(i === 0 ? `SELECT ${a}, count(*) FROM ${b}s` : `  WHERE ${a}_id = ${k} AND ${b} IS NOT NULL`); break;
        case 'yaml': lines.push(`${'  '.repeat(i % 3)}${a}_${i}: ${this.random() < 0.5 ? k : b}`); break;
        case 'rust': lines.push(i === 0 ? `fn ${name}(${a}: &str) -> Result<u64, Error> {` : `    let ${a}_${i} = ${b}.${this.pick(VERBS)}(${k})?;`); break;
        case 'java': lines.push(i === 0 ? `public long ${name}(String ${a}) {` : `    var ${a}${i} = ${b}Service.${this.pick(VERBS)}(${k});`); break;
      }
    }
    if (lang === 'json') lines.push('  "end": true\n}');
    if (['javascript', 'typescript', 'go', 'rust', 'java'].includes(lang)) lines.push('}');
    return '```' + lang + '\n' + lines.join('\n') + '\n```';
  }
  block() {
    const r = this.random();
    if (r < 0.5) return this.paragraph();
    if (r < 0.62) return this.list(false);
    if (r < 0.7) return this.list(true);
    if (r < 0.8) return this.code();
    if (r < 0.88) return this.table();
    if (r < 0.94) return `> ${this.paragraph(1, 2)}`;
    return `### ${this.headingText()}\n\n${this.paragraph()}`;
  }
  headingText() {
    const text = `${this.pick(ADJECTIVES)} ${this.pick(NOUNS)}s and ${this.pick(NOUNS)}s`;
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  section(blocks) {
    const parts = [`## ${this.headingText()}`, this.paragraph()];
    for (let i = 0; i < blocks; i++) parts.push(this.block());
    return parts.join('\n\n');
  }
}

function frontMatter({ title, date, tags, summary }) {
  const q = (s) => JSON.stringify(s);
  return `---\ntitle: ${q(title)}\ndate: ${date}\ntags: [${tags.join(', ')}]\nsummary: ${q(summary)}\n---\n\n`;
}

function isoDate(dayNumber) {
  return new Date(Date.UTC(2015, 0, 1) + dayNumber * 86400000).toISOString().slice(0, 10);
}

/** One ordinary post (about 2 to 6 KB). Returns { file, slug, text, firstWords }. */
export function ordinaryPost(n) {
  const w = new Writer(1000 + n);
  const topic = w.pick(TOPICS);
  const title = `${topic} ${w.pick(ANGLES)}, part ${n + 1}`;
  const slug = `${topic.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${String(n + 1).padStart(5, '0')}`;
  const intro = `Post ${n + 1} opens with plain words. ${w.paragraph()}`;
  const sections = Array.from({ length: 2 + w.int(3) }, () => w.section(2 + w.int(3)));
  const tags = [...new Set([w.pick(TAGS), w.pick(TAGS), w.pick(TAGS)])];
  const body = [intro, ...sections].join('\n\n') + '\n';
  const text = frontMatter({ title, date: isoDate(n % 4000), tags, summary: w.sentence(true) }) + body;
  return { file: `${slug}.md`, slug, title, text, firstWords: `Post ${n + 1} opens with plain words.` };
}

/** The large post: at least `bytes` bytes of Markdown in many sections. */
export function largePost(bytes) {
  const w = new Writer(7);
  const intro = `This generated post is the large one. ${w.paragraph(4, 2)}`;
  const parts = [intro];
  let size = intro.length;
  let n = 0;
  while (size < bytes) {
    n++;
    const s = `## Part ${n}: ${w.headingText()}\n\n${w.section(6 + w.int(6)).replace(/^## .*\n\n/, '')}`;
    parts.push(s);
    size += s.length + 2;
  }
  const title = 'A very long generated post: every block type, many times';
  const text = frontMatter({ title, date: '2030-01-01', tags: ['bench', 'generated'], summary: 'A generated post of about 2 MB of Markdown for the benchmark.' }) + parts.join('\n\n') + '\n';
  return { file: 'large-generated-post.md', slug: 'large-generated-post', title, text, firstWords: 'This generated post is the large one.' };
}

function writeFolder(dir, posts) {
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const post of posts) writeFileSync(join(temporary, post.file), post.text);
  rmSync(dir, { recursive: true, force: true });
  renameSync(temporary, dir);
}

/**
 * Makes (or reuses) the bench folders under `root`:
 *   many/   `count` ordinary posts
 *   huge/   `hugeCount` ordinary posts, and a copy of `extraPost` (a bundled post, so that
 *           reading it there and among the bundled posts is the same work)
 *   cold/   `coldCount` ordinary posts, read with an empty cache each time
 *   large/  the large post (newest, so first in the list) and 9 ordinary posts
 * Returns what the bench needs to drive them.
 */
export function ensureBenchPosts(root, { count = 10000, hugeCount = 50000, coldCount = 1263, largeBytes = 2_000_000, extraPost } = {}) {
  mkdirSync(root, { recursive: true });
  const stamp = join(root, 'generated.json');
  const extra = extraPost ? { name: basename(extraPost), text: readFileSync(extraPost, 'utf8') } : null;
  const wanted = { version: GENERATOR_VERSION, count, hugeCount, coldCount, largeBytes, extra: extra?.name ?? null, extraBytes: extra?.text.length ?? 0 };
  let have = null;
  try {
    have = JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    have = null;
  }
  const dirs = { many: join(root, 'many'), huge: join(root, 'huge'), cold: join(root, 'cold'), large: join(root, 'large') };
  const big = largePost(largeBytes);
  const sample = ordinaryPost(0);
  const fresh = have && Object.entries(wanted).every(([k, v]) => have[k] === v) && Object.values(dirs).every((d) => existsSync(d));
  if (!fresh) {
    writeFolder(dirs.many, Array.from({ length: count }, (_, i) => ordinaryPost(i)));
    writeFolder(dirs.huge, [...Array.from({ length: hugeCount }, (_, i) => ordinaryPost(i)), ...(extra ? [{ file: extra.name, text: extra.text }] : [])]);
    writeFolder(dirs.cold, Array.from({ length: coldCount }, (_, i) => ordinaryPost(count + 100 + i)));
    writeFolder(dirs.large, [big, ...Array.from({ length: 9 }, (_, i) => ordinaryPost(count + i))]);
    writeFileSync(stamp, JSON.stringify({ ...wanted, largeFileBytes: Buffer.byteLength(big.text) }) + '\n');
  }
  return {
    many: { dir: dirs.many, count, readerPost: sample },
    huge: { dir: dirs.huge, count: hugeCount + (extra ? 1 : 0) },
    cold: { dir: dirs.cold, count: coldCount },
    large: { dir: dirs.large, post: big, bytes: Buffer.byteLength(big.text) },
    generated: !fresh,
  };
}
