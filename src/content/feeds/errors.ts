/** The text is not a feed, or a feed that cannot be read. */
export class FeedParseError extends Error {}
