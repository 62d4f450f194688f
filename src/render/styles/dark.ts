import type { StyleDefinition } from '../style.js';

// Colours for a dark background. Each colour is given per depth: a name of the 16 ANSI colours,
// an index of the xterm 256-colour palette, and a truecolour hex. The contrast test checks each
// against the assumed background (test/render/contrast.test.ts).
const GREY_RULE = ['blackBright', 243, '#767676'] as const;
const GREY_TEXT = ['blackBright', 246, '#9e9e9e'] as const;
const PINK = ['magentaBright', 213, '#ff79c6'] as const;
const GREEN = ['greenBright', 114, '#8ae28a'] as const;
const SKY = ['cyanBright', 117, '#8be9fd'] as const;
const BLUE = ['cyanBright', 111, '#82aaff'] as const;
const YELLOW = ['yellow', 221, '#ffcb6b'] as const;
const SAND = ['yellow', 222, '#ffd787'] as const;
const CYAN = ['cyan', 116, '#89ddff'] as const;
const VIOLET = ['magentaBright', 177, '#c792ea'] as const;
const ORANGE = ['yellowBright', 215, '#f78c6c'] as const;
const SALMON = ['redBright', 210, '#ff8080'] as const;
const LEAF = ['green', 150, '#c3e88d'] as const;

export const dark: StyleDefinition = {
  name: 'dark',
  background: ['black', 235, '#262626'],
  foreground: ['white', 252, '#d0d0d0'],
  roles: {
    heading1: { fg: PINK, bold: true, underline: true },
    heading2: { fg: GREEN, bold: true },
    heading3: { fg: SKY, bold: true },
    heading4: { fg: YELLOW, bold: true },
    heading5: { fg: ['white', 189, '#c5c8ff'], bold: true },
    heading6: { bold: true, italic: true },
    headingRule: { fg: GREY_RULE },
    strong: { bold: true },
    em: { italic: true },
    del: { fg: GREY_TEXT, strikethrough: true },
    code: { fg: SAND },
    kbd: { bold: true, inverse: true },
    math: { fg: CYAN },
    quoteBar: { fg: GREY_RULE },
    quote: { fg: ['white', 250, '#c0c0c0'], italic: true },
    link: { fg: BLUE, underline: true },
    linkUrl: { fg: GREY_TEXT },
    dim: { fg: GREY_TEXT },
    listMarker: { fg: CYAN },
    footnote: { fg: CYAN },
    tableBorder: { fg: GREY_RULE },
    tableHeader: { bold: true },
    match: { inverse: true },
    matchCurrent: { fg: ['black', 235, '#262626'], bg: ['yellow', 221, '#ffcb6b'] },
    admonitionNote: { fg: BLUE },
    admonitionTip: { fg: GREEN },
    admonitionImportant: { fg: VIOLET },
    admonitionWarning: { fg: YELLOW },
    admonitionCaution: { fg: SALMON },
    codeKeyword: { fg: VIOLET },
    codeString: { fg: LEAF },
    codeNumber: { fg: ORANGE },
    codeComment: { fg: GREY_TEXT, italic: true },
    codeTitle: { fg: BLUE },
    codeType: { fg: YELLOW },
    codeBuiltIn: { fg: CYAN },
    codeAttr: { fg: SAND },
    codeMeta: { fg: GREY_TEXT },
    codeVariable: { fg: SALMON },
    codeAddition: { fg: GREEN },
    codeDeletion: { fg: SALMON },
    title: { bold: true },
    border: { fg: GREY_RULE },
    status: { fg: GREY_TEXT },
    selection: { inverse: true },
    selectionBar: { fg: ['cyan', 80, '#56d4dd'] },
    progressMark: { fg: GREEN },
    filterMatch: { fg: YELLOW, underline: true },
    snippet: { fg: SAND },
  },
};
