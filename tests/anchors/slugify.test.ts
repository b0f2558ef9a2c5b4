import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/anchors/slugify.ts';

describe('slugify (github)', () => {
  it('lowercases and turns spaces into hyphens', () => {
    expect(slugify(['Quick Start'])).toEqual(['quick-start']);
  });

  it('drops punctuation but keeps hyphens and underscores', () => {
    expect(slugify(["What's new?", 'snake_case & kebab-case', 'v1.2 (beta)'])).toEqual(['whats-new', 'snake_case--kebab-case', 'v12-beta']);
  });

  it('keeps letters with accents and letters of other scripts', () => {
    expect(slugify(['Configuración avanzada', '¿Qué es?', '快速开始', 'Überblick'])).toEqual(['configuración-avanzada', 'qué-es', '快速开始', 'überblick']);
  });

  it('drops emoji but keeps the space after them', () => {
    expect(slugify(['🚀 Quick start'])).toEqual(['-quick-start']);
  });

  it('numbers repeated slugs in document order', () => {
    expect(slugify(['Options', 'Usage', 'Options', 'options'])).toEqual(['options', 'usage', 'options-1', 'options-2']);
  });
});
