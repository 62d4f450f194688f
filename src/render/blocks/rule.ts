import type { Context, Out } from '../document.js';

export function renderRule(ctx: Context): Out {
  return { lines: [ctx.roles.dim('─'.repeat(ctx.width))], marks: [] };
}
