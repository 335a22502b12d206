import { describe, expect, it } from 'vitest';
import { plainText } from './html-text';

describe('plainText', () => {
  it('reads a description as one line of text', () => {
    expect(plainText('<p>Soft &amp; warm.</p><ul><li><strong>Care:</strong> 30 °C</li></ul>')).toBe('Soft & warm. Care: 30 °C');
  });

  it('keeps text that only looks like markup once escaped', () => {
    expect(plainText('<p>&lt;script&gt; is text here</p>')).toBe('<script> is text here');
  });
});
