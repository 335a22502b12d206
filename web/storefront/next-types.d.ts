// Next's ambient types (fetch `next` options, image imports) for a fresh checkout, before
// `next build` or `next dev` has generated next-env.d.ts.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
