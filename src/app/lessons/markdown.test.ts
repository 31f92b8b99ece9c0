import { describe, expect, it } from 'vitest';
import { isSafeHref, renderLesson, renderMarkdown } from './markdown.ts';
import { course } from './catalog.ts';

describe('lesson markdown', () => {
  it('renders inline and display math with KaTeX (with MathML for screen readers)', () => {
    const html = renderMarkdown('The map $x^* = \\tanh(w x^*)$ and\n\n$$\\frac{a}{b}$$\n');
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<math');
    expect(html).toContain('<annotation encoding="application/x-tex">x^* = \\tanh(w x^*)</annotation>');
    expect(html).not.toContain('$');
  });

  it('shows a TeX error in place instead of throwing', () => {
    expect(() => renderMarkdown('bad $\\frac{$ math')).not.toThrow();
    expect(renderMarkdown('bad $\\frac{$ math')).toContain('katex-error');
  });

  it('never lets lesson text run: raw HTML is escaped, unsafe links and images are dropped', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\nText <img src=x onerror="alert(1)"> and <b onclick="x()">b</b>\n\n[bad](javascript:alert(1)) [ok](https://example.org) ![pic](http://tracker/x.png)\n',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b /i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('pic');
  });

  it('does not let KaTeX emit links or raw HTML (trust: false)', () => {
    const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ $\\htmlId{a}{b}$');
    expect(html).not.toContain('href="javascript');
    expect(html).not.toContain('id="a"');
  });

  it('accepts only safe link targets', () => {
    expect(isSafeHref('https://a.b')).toBe(true);
    expect(isSafeHref('#part')).toBe(true);
    expect(isSafeHref('other.md')).toBe(true);
    expect(isSafeHref('JavaScript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
    expect(isSafeHref('//evil.example')).toBe(false);
  });

  it('splits a lesson into title, body and "Try this" steps', () => {
    const lesson = renderLesson('# Title\n\nBody $a$.\n\n## Try this\n\n1. First $w > 1$.\n2. Second.\n');
    expect(lesson.title).toBe('Title');
    expect(lesson.bodyHtml).toContain('Body');
    expect(lesson.bodyHtml).not.toContain('Try this');
    expect(lesson.bodyHtml).not.toContain('<h1');
    expect(lesson.stepsHtml).toHaveLength(2);
    expect(lesson.stepsHtml[0]).toContain('katex');
    expect(lesson.stepsHtml[1]).toBe('Second.');
  });

  it.each(course.map((p) => p.name))('%s renders with a title, math and try-this steps', (name) => {
    const lesson = renderLesson(course.find((p) => p.name === name)!.lessonText!);
    expect(lesson.title.length).toBeGreaterThan(0);
    expect(lesson.stepsHtml.length).toBeGreaterThanOrEqual(3);
    expect(lesson.bodyHtml + lesson.stepsHtml.join('')).not.toContain('katex-error');
  });
});
