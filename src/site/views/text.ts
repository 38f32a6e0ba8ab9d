/** Plain-text fields as one line: HTML collapses whitespace anyway, and the source stays tidy. */
export const oneLine = (text: string | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
