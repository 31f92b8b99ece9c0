/**
 * Lesson markdown to HTML: marked for the markdown, KaTeX for $…$ (inline) and $$…$$ (display)
 * math. Lesson text is never trusted as HTML: raw HTML blocks and tags are shown as text, links
 * keep only http(s), mailto and in-page targets, images become their alt text (no requests), and
 * KaTeX runs with `trust: false`. Nothing is evaluated.
 */
import katex from 'katex';
import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** TeX to KaTeX HTML (+ MathML for screen readers); a TeX error shows the source in red, never throws. */
export function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: false, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
}

interface MathToken {
  type: 'math';
  raw: string;
  text: string;
  display: boolean;
}

const math: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'inline',
  start: (src: string) => {
    const i = src.search(/(?<!\\)\$/);
    return i < 0 ? undefined : i;
  },
  tokenizer(src: string): MathToken | undefined {
    const display = /^\$\$([\s\S]+?)\$\$/.exec(src);
    if (display) return { type: 'math', raw: display[0], text: display[1].trim(), display: true };
    const inline = /^\$((?:\\\$|[^$\n])+?)\$/.exec(src);
    if (inline) return { type: 'math', raw: inline[0], text: inline[1].trim(), display: false };
    return undefined;
  },
  renderer: (token) => renderMath((token as unknown as MathToken).text, (token as unknown as MathToken).display),
};

/** Link targets a lesson may use. */
export function isSafeHref(href: string): boolean {
  const h = href.trim();
  return /^(https?:|mailto:)/i.test(h) || h.startsWith('#') || (!/^[a-z][a-z0-9+.-]*:/i.test(h) && !h.startsWith('//'));
}

function createMarked(): Marked {
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    extensions: [math],
    renderer: {
      html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
      image: (token: Tokens.Image) => escapeHtml(token.text),
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        if (!isSafeHref(token.href)) return text;
        const external = /^https?:/i.test(token.href);
        return `<a href="${escapeHtml(token.href)}"${external ? ' target="_blank" rel="noopener noreferrer"' : ''}>${text}</a>`;
      },
    },
  });
  return marked;
}

const marked = createMarked();

/** Markdown (with math) to sanitised HTML. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

export interface LessonContent {
  /** The lesson's title: its first level-1 heading. */
  title: string;
  /** The lesson without its title and its "Try this" list, as HTML. */
  bodyHtml: string;
  /** The "Try this" steps, in order, each as inline HTML. */
  stepsHtml: string[];
}

/** A lesson's parts as markdown tokens: its title, its body, and the items of its "Try this" list. */
function lessonParts(markdown: string) {
  const tokens = marked.lexer(markdown);
  let title = '';
  const body: typeof tokens = Object.assign([], { links: tokens.links });
  let steps: Tokens.ListItem[] = [];
  let inTry = false;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1 && !title) {
        title = heading.text;
        continue;
      }
      inTry = /^try this\b/i.test(heading.text.trim());
      if (inTry) continue;
    }
    if (inTry && token.type === 'list' && steps.length === 0) {
      steps = (token as Tokens.List).items;
      continue;
    }
    if (inTry && token.type === 'space') continue;
    body.push(token);
  }
  return { title, body, steps };
}

/** Number of "Try this" steps (without rendering any math). */
export function lessonStepCount(markdown: string): number {
  return lessonParts(markdown).steps.length;
}

/** Splits a lesson into title, body and "Try this" steps (the list after a "Try this" heading). */
export function renderLesson(markdown: string): LessonContent {
  const { title, body, steps } = lessonParts(markdown);
  return { title, bodyHtml: marked.parser(body), stepsHtml: steps.map((item) => marked.parser(item.tokens).trim()) };
}
