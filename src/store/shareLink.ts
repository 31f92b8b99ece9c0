/**
 * Share links: the document, lz-string-compressed, in the URL hash (`#doc=…`), so a link
 * reproduces a network (and, through its seed, its runs) without a server. The hash never
 * reaches a server, but links pasted into mail and chat break when long, so links over
 * MAX_LINK_LENGTH are refused with a message pointing to the file route.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { GraphDocument } from '../model/index.ts';

export const HASH_KEY = 'doc';
/** Longest link offered: 8 KB keeps it intact in mail clients, chat apps and older browsers. */
export const MAX_LINK_LENGTH = 8192;

export type ShareLink = { ok: true; url: string } | { ok: false; length: number; message: string };

/** The share link of `doc` on top of `base` (the page's URL without its hash). */
export function shareLink(doc: GraphDocument, base: string): ShareLink {
  const url = `${base.replace(/#.*$/, '')}#${HASH_KEY}=${compressToEncodedURIComponent(JSON.stringify(doc))}`;
  if (url.length <= MAX_LINK_LENGTH) return { ok: true, url };
  return {
    ok: false,
    length: url.length,
    message: `This network is too large for a link: it would be ${url.length.toLocaleString('en')} characters long, and links over ${MAX_LINK_LENGTH.toLocaleString('en')} characters get cut off in mail, chat and some browsers. Save it as a file and share the file instead.`,
  };
}

/** The document text a hash carries: none, the JSON text, or why it cannot be read. */
export function readShareHash(hash: string): { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'damaged'; message: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const packed = params.get(HASH_KEY);
  if (packed === null) return { kind: 'none' };
  // URLSearchParams turns "+" into " "; lz-string's URI alphabet uses "+".
  const text = decompressFromEncodedURIComponent(packed.replace(/ /g, '+'));
  if (!text) return { kind: 'damaged', message: 'the link is damaged or incomplete (its data could not be decompressed); ask for the link again, or for the file' };
  return { kind: 'text', text };
}
