import { marked } from 'marked';
const n = 40000;
for (const [name, s] of [['<!--', 'x ' + '<!--'.repeat(n/4)], ['<!', 'x '+'<!'.repeat(n/2)], ['<!-', 'x '+'<!-'.repeat(n/3)], ['<', 'x '+'< '.repeat(n/2)], ['block <!--', '<!--'.repeat(n/4)], ['<?', 'x '+'<?'.repeat(n/2)], ['<![CDATA[', 'x '+'<![CDATA['.repeat(n/9)], ['<!A', 'x '+'<!A'.repeat(n/3)], ['</a', 'x '+'</a'.repeat(n/3)]]) {
  const t = performance.now();
  marked.lexer(s);
  console.log(name.padEnd(12), s.length, (performance.now() - t).toFixed(0), 'ms');
}
