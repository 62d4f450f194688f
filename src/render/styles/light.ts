import type { StyleDefinition } from '../style.js';

// Colours for a light background, per depth as in dark.ts. Of the 16 ANSI colours only black,
// red, blue, bright blue and magenta are dark enough to read on white, so at that depth grey
// text is the terminal's own foreground colour.
const GREY_RULE = ['blackBright', 244, '#808080'] as const;
const GREY_TEXT = [undefined, 241, '#5f5f5f'] as const;
const PLUM = ['magenta', 90, '#8b008b'] as const;
const BLUE = ['blue', 25, '#0550ae'] as const;
const RED = ['red', 124, '#b31d28'] as const;
const BROWN = ['magenta', 94, '#7a5200'] as const;
const GREEN = ['blueBright', 22, '#116329'] as const;
const PURPLE = ['magenta', 54, '#6f42c1'] as const;
const OCEAN = ['blueBright', 24, '#005cc5'] as const;

export const light: StyleDefinition = {
  name: 'light',
  background: ['whiteBright', 255, '#eeeeee'],
  foreground: ['black', 234, '#1c1c1c'],
  roles: {
    heading1: { fg: PLUM, bold: true, underline: true },
    heading2: { fg: BLUE, bold: true },
    heading3: { fg: RED, bold: true },
    heading4: { fg: BROWN, bold: true },
    heading5: { fg: PURPLE, bold: true },
    heading6: { bold: true, italic: true },
    headingRule: { fg: GREY_RULE },
    strong: { bold: true },
    em: { italic: true },
    del: { fg: GREY_TEXT, strikethrough: true },
    code: { fg: RED },
    kbd: { bold: true, inverse: true },
    math: { fg: BLUE },
    quoteBar: { fg: GREY_RULE },
    quote: { fg: GREY_TEXT, italic: true },
    link: { fg: BLUE, underline: true },
    linkUrl: { fg: GREY_TEXT },
    dim: { fg: GREY_TEXT },
    listMarker: { fg: BLUE },
    footnote: { fg: BLUE },
    tableBorder: { fg: GREY_RULE },
    tableHeader: { bold: true },
    match: { inverse: true },
    matchCurrent: { fg: ['black', 16, '#000000'], bg: ['yellowBright', 228, '#fff176'] },
    admonitionNote: { fg: BLUE },
    admonitionTip: { fg: GREEN },
    admonitionImportant: { fg: PURPLE },
    admonitionWarning: { fg: BROWN },
    admonitionCaution: { fg: RED, bold: true },
    codeKeyword: { fg: PLUM },
    codeString: { fg: GREEN },
    codeNumber: { fg: BROWN },
    codeComment: { fg: GREY_TEXT, italic: true },
    codeTitle: { fg: BLUE },
    codeType: { fg: PURPLE },
    codeBuiltIn: { fg: OCEAN },
    codeAttr: { fg: ['red', 88, '#953800'] },
    codeMeta: { fg: [undefined, 60, '#5f5f87'] },
    codeVariable: { fg: RED },
    codeAddition: { fg: GREEN },
    codeDeletion: { fg: RED },
    title: { bold: true },
    border: { fg: GREY_RULE },
    status: { fg: GREY_TEXT },
    selection: { inverse: true },
    selectionBar: { fg: BLUE },
    progressMark: { fg: GREEN },
    filterMatch: { fg: RED, underline: true },
    snippet: { fg: PLUM },
  },
};
