// A rehype plugin: no image in speaker-written Markdown is ever loaded. A remote
// image in an abstract is a tracking pixel (it tells its author who reads the
// proposal, when and from where); each one becomes a link to it instead, or
// just its label inside a link, where a second link cannot go.

export type HastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
};

export function imageLabel(alt: unknown): string {
  const text = typeof alt === "string" ? alt.trim() : "";
  return text ? `Image: ${text}` : "Image";
}

function replacement(img: HastNode, insideLink: boolean): HastNode {
  const label: HastNode = { type: "text", value: imageLabel(img.properties?.alt) };
  const src = img.properties?.src;
  if (insideLink || typeof src !== "string" || src === "") return label;
  return { type: "element", tagName: "a", properties: { href: src }, children: [label] };
}

function replaceImages(node: HastNode, insideLink: boolean): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== "element") return child;
    if (child.tagName === "img") return replacement(child, insideLink);
    replaceImages(child, insideLink || child.tagName === "a");
    return child;
  });
}

export function imagesAsLinks() {
  return (tree: HastNode) => replaceImages(tree, false);
}
