import { isScalar, isSeq, parseDocument, Scalar, type YAMLSeq } from "yaml";

export interface EnvironmentEdit {
  packages?: { add: readonly string[]; remove: readonly string[] };
  kernels?: readonly string[];
}

/**
 * Changes `spec.packages` and `spec.kernels` of environment.yaml text,
 * keeping comments, order and quoting of everything else: removed lines go,
 * added ones are appended in the style of the existing entries.
 */
export function editEnvironmentText(text: string, edit: EnvironmentEdit): string {
  const doc = parseDocument(text);
  if (edit.packages) {
    const existing = doc.getIn(["spec", "packages"], true);
    if (isSeq(existing)) {
      const style = firstStyle(existing);
      existing.items = existing.items.filter(
        (n) => !(isScalar(n) && edit.packages!.remove.includes(String(n.value))),
      );
      for (const line of edit.packages.add) existing.items.push(scalar(line, style));
      if (existing.items.length === 0) doc.deleteIn(["spec", "packages"]);
    } else if (edit.packages.add.length > 0) {
      doc.setIn(
        ["spec", "packages"],
        doc.createNode(edit.packages.add.map((l) => scalar(l, Scalar.QUOTE_DOUBLE))),
      );
    }
  }
  if (edit.kernels) {
    const existing = doc.getIn(["spec", "kernels"], true);
    const node = doc.createNode([...edit.kernels]) as YAMLSeq;
    if (isSeq(existing)) node.flow = existing.flow;
    doc.setIn(["spec", "kernels"], node);
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function firstStyle(seq: YAMLSeq): Scalar.Type | undefined {
  const first = seq.items.find((n) => isScalar(n));
  return isScalar(first) ? first.type : undefined;
}

function scalar(value: string, type: Scalar.Type | undefined): Scalar {
  const s = new Scalar(value);
  if (type) s.type = type;
  return s;
}
