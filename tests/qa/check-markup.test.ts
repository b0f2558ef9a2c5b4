import { describe, expect, it } from 'vitest';
import { checkMarkup } from '../../src/qa/check-markup.ts';
import { contextFor, pairOf } from './helpers.ts';

const check = (source: string, target: string) => checkMarkup(...pairOf(source, target), contextFor());

describe('checkMarkup', () => {
  it('accepts the same markup in another order', () => {
    expect(check('Read *this* and [that](https://a.example) with `code`.', 'Con `code`, lee [eso](https://a.example) y *esto*.')).toEqual([]);
  });

  it('reports a changed link URL', () => {
    expect(check('Read [the guide](https://a.example/guide).', 'Lee [la guía](https://a.example/guia).').map((finding) => finding.message)).toEqual([
      'markup differs from the source; missing from the source: "[…](https://a.example/guide)"; not in the source: "[…](https://a.example/guia)"',
    ]);
  });

  it('reports changed inline code', () => {
    expect(check('Run `npm test` now.', 'Ejecuta `npm prueba` ahora.')).toHaveLength(1);
  });

  it('reports lost formatting and a lost image', () => {
    const findings = check('A **bold** claim ![map](map.png).', 'Una afirmación audaz.');
    expect(findings.map((finding) => finding.message)).toEqual(['markup differs from the source; missing from the source: "**…**", "![](map.png)"']);
    expect(findings[0]?.severity).toBe('error');
  });

  it('ignores translated alt text and titles, which are segments of their own', () => {
    expect(check('See ![a map](map.png "The map") and [here](https://a.example "Home").', 'Mira ![un mapa](map.png "El mapa") y [aquí](https://a.example "Inicio").')).toEqual([]);
  });

  it('accepts a collapsed reference written out once its text is translated', () => {
    expect(check('Read the [guide][] today.\n\n[guide]: https://a.example', 'Lee la [guía][guide] hoy.\n\n[guide]: https://a.example')).toEqual([]);
  });

  it('treats _ and * emphasis as the same', () => {
    expect(check('An _important_ point.', 'Un punto *importante*.')).toEqual([]);
  });

  it('reports added inline HTML', () => {
    expect(check('Plain words here.', 'Palabras <b>simples</b> aquí.').map((finding) => finding.message)).toEqual([
      'markup differs from the source; not in the source: "<b>", "</b>"',
    ]);
  });
});
