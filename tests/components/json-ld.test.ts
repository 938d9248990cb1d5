import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { parseFragment, type DefaultTreeAdapterTypes as T } from "parse5";
import { describe, expect, it } from "vitest";
import JsonLd from "../../src/components/JsonLd.astro";

describe("JsonLd", () => {
  it("keeps </script> and <!-- inside a string as data, in one script element", async () => {
    const data = { "@type": "Dataset", name: 'Waits </script><script>alert(1)</script> <!-- "q" & \u2028' };
    const container = await AstroContainer.create();
    const html = await container.renderToString(JsonLd, { props: { data } });
    const nodes = parseFragment(html).childNodes.filter((n): n is T.Element => "tagName" in n);
    expect(nodes.map((n) => n.tagName)).toEqual(["script"]);
    const json = (nodes[0]!.childNodes[0] as T.TextNode).value;
    expect(json).not.toContain("<");
    expect(JSON.parse(json)).toEqual({ "@context": "https://schema.org", ...data });
  });
});
