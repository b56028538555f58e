import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from "yaml";

export interface Position {
  line: number;
  column: number;
}

/**
 * Finds the line and column of any node of a parsed YAML document by its path
 * (`["spec", "resources", "cpu"]`). Positions are computed on demand, only when
 * a diagnostic needs one.
 */
export class PositionIndex {
  private parsed: { document: Document.Parsed | undefined; lineCounter: LineCounter } | undefined;

  private constructor(
    private readonly load: () => {
      document: Document.Parsed | undefined;
      lineCounter: LineCounter;
    },
  ) {}

  /** Positions from a document the full parser already read. */
  static of(document: Document.Parsed | undefined, lineCounter: LineCounter): PositionIndex {
    return new PositionIndex(() => ({ document, lineCounter }));
  }

  /**
   * Positions for text read by the fast reader: the full parser runs only if
   * a diagnostic asks for a position, which valid files never do.
   */
  static lazy(text: string): PositionIndex {
    return new PositionIndex(() => {
      const lineCounter = new LineCounter();
      return {
        document: parseDocument(text, { lineCounter, uniqueKeys: false }),
        lineCounter,
      };
    });
  }

  private get document(): Document.Parsed | undefined {
    return (this.parsed ??= this.load()).document;
  }

  private get lineCounter(): LineCounter {
    return (this.parsed ??= this.load()).lineCounter;
  }

  /**
   * Where the node at `path` starts. With `key: true`, points at the map key
   * instead of its value (used for unknown or misspelt fields). When the path
   * does not exist, returns the position of the deepest node that does.
   */
  at(path: readonly (string | number)[], options: { key?: boolean } = {}): Position {
    let node: unknown = this.document?.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = this.pairsOf(node).get(String(seg));
        if (!pair) break;
        if (last && options.key) {
          offset = rangeStart(pair.key) ?? offset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else break;
    }
    return this.position(offset);
  }

  /** Each mapping's pairs by key, indexed once on first use: locating many findings stays linear. */
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    let index = this.keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items)
        if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value)))
          index.set(String(p.key.value), p);
      this.keyIndex.set(map, index);
    }
    return index;
  }

  /** Line and column of a character offset in the source. */
  position(offset: number): Position {
    const p = this.lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}
