import { describe, expect, it } from 'vitest';
import { descriptionHtml } from './description';

// Issue 10, walk-through: organisers write "- " lists and **bold** in descriptions; the portal
// shows them as such, from a safe subset of Markdown rendered on the server.
describe('event descriptions', () => {
  it('render paragraphs, lists, emphasis and links', () => {
    expect(
      descriptionHtml('Three days in Daegu:\n\n- plenary sessions\n- **cluster tours**\n\nSee [the programme](https://tci.example/programme).'),
    ).toBe(
      '<p>Three days in Daegu:</p>\n<ul>\n<li>plenary sessions</li>\n<li><strong>cluster tours</strong></li>\n</ul>\n' +
        '<p>See <a href="https://tci.example/programme" rel="nofollow noopener noreferrer">the programme</a>.</p>\n',
    );
  });

  it('never pass HTML, scripts, images or unsafe links through', () => {
    expect(descriptionHtml('<script>alert(1)</script> <b onclick="x()">hi</b>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt;</p>\n',
    );
    expect(descriptionHtml('[x](javascript:alert(1)) ![i](https://tci.example/a.png) [m](mailto:info@tci.example)')).toBe(
      // An image stays a link to it, never an <img> that loads on its own.
      '<p>[x](javascript:alert(1)) !<a href="https://tci.example/a.png" rel="nofollow noopener noreferrer">i</a> ' +
        '<a href="mailto:info@tci.example" rel="nofollow noopener noreferrer">m</a></p>\n',
    );
    expect(descriptionHtml('# Title\n\n> quote')).toBe('<p># Title</p>\n<p>&gt; quote</p>\n');
  });
});
