import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from "saxes";
import { readXbrlChunks, type XbrlInput } from "./read-xbrl-chunks.ts";
import {
  isItccNamespace,
  iso4217Namespace,
  linkbaseNamespace,
  type XbrlFact,
  xbrlDimensionsNamespace,
  xbrlInstanceNamespace,
  xlinkNamespace,
  xmlSchemaInstanceNamespace,
} from "./xbrl-facts.ts";
import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

export interface XbrlContext {
  id: string;
  startDate?: string;
  endDate?: string;
  instant?: string;
  entityIdentifier?: string;
  /** A segment or an xbrldi member: the facts are a breakdown, not the company's statement. */
  isDimensional: boolean;
}

export interface XbrlUnit {
  id: string;
  /** Measures as namespace#local, e.g. "http://www.xbrl.org/2003/iso4217#EUR". */
  measures: string[];
}

export interface XbrlInstance {
  schemaRefHrefs: string[];
  contexts: Map<string, XbrlContext>;
  units: Map<string, XbrlUnit>;
  facts: XbrlFact[];
  /** Namespace URIs declared on the root element (entry-point namespaces hint at the format). */
  rootNamespaceUris: string[];
  byteCount: number;
}

type ContextField = "startDate" | "endDate" | "instant" | "identifier";
const contextFields = new Set<string>(["startDate", "endDate", "instant", "identifier"]);
const euroMeasure = `${iso4217Namespace}#EUR`;

/**
 * Reads an XBRL instance with saxes, chunk by chunk, keeping contexts, units, schema references and facts
 * (with their text only when `shouldKeepValue` says so). Refuses DTDs, entity references other than the five
 * predefined ones, malformed XML, files over `maximumBytes` and currencies other than the euro.
 */
export async function readXbrlInstance(
  input: XbrlInput,
  options: { maximumBytes: number; shouldKeepValue: (localName: string) => boolean },
): Promise<XbrlInstance> {
  const parser = new SaxesParser({ xmlns: true });
  const instance: XbrlInstance = {
    schemaRefHrefs: [],
    contexts: new Map(),
    units: new Map(),
    facts: [],
    rootNamespaceUris: [],
    byteCount: 0,
  };
  let depth = 0;
  let tupleDepth: number | undefined;
  let context: XbrlContext | undefined;
  let unit: XbrlUnit | undefined;
  let fact: { record: XbrlFact; depth: number } | undefined;
  let text: { buffer: string; depth: number; field: ContextField | "measure" | "fact" } | undefined;

  parser.on("error", (error) => {
    throw toRejection(error.message);
  });
  parser.on("doctype", () => {
    throw new XbrlRejectedError(
      "doctype",
      `DOCTYPE refused (the declaration ends on line ${parser.line}): XBRL instances need no DTD, and a DTD ` +
        "can declare entities that expand without bound or read other files.",
    );
  });
  parser.on("text", (chunk) => {
    if (text) text.buffer += chunk;
  });
  parser.on("cdata", (chunk) => {
    if (text) text.buffer += chunk;
  });
  parser.on("opentag", (tag) => {
    const level = depth;
    depth += 1;
    if (level === 0) {
      if (tag.uri !== xbrlInstanceNamespace || tag.local !== "xbrl") {
        throw new XbrlRejectedError(
          "not_xbrl",
          `The root element is <${tag.name}>, not an XBRL instance (xbrli:xbrl).`,
        );
      }
      instance.rootNamespaceUris = Object.values(tag.ns);
      return;
    }
    if (context) {
      if (
        tag.uri === xbrlDimensionsNamespace ||
        (tag.uri === xbrlInstanceNamespace && tag.local === "segment")
      ) {
        context.isDimensional = true;
      }
      if (tag.uri === xbrlInstanceNamespace && contextFields.has(tag.local)) {
        text = { buffer: "", depth: level, field: tag.local as ContextField };
      }
      return;
    }
    if (unit) {
      if (tag.uri === xbrlInstanceNamespace && tag.local === "measure") {
        text = { buffer: "", depth: level, field: "measure" };
      }
      return;
    }
    if (fact) return;
    if (level === 1 && tag.uri === linkbaseNamespace && tag.local === "schemaRef") {
      const href = findAttribute(tag, xlinkNamespace, "href");
      if (href !== undefined) instance.schemaRefHrefs.push(href);
    } else if (level === 1 && tag.uri === xbrlInstanceNamespace && tag.local === "context") {
      context = { id: findAttribute(tag, "", "id") ?? "", isDimensional: false };
    } else if (level === 1 && tag.uri === xbrlInstanceNamespace && tag.local === "unit") {
      unit = { id: findAttribute(tag, "", "id") ?? "", measures: [] };
    } else if (isItccNamespace(tag.uri)) {
      const contextId = findAttribute(tag, "", "contextRef");
      if (contextId === undefined) {
        if (level === 1) tupleDepth = level;
        return;
      }
      const isNil = findAttribute(tag, xmlSchemaInstanceNamespace, "nil")?.trim() === "true";
      const record: XbrlFact = {
        localName: tag.local,
        contextId,
        unitId: findAttribute(tag, "", "unitRef"),
        isNil,
        isInTuple: tupleDepth !== undefined,
        value: undefined,
        line: parser.line,
      };
      instance.facts.push(record);
      fact = { record, depth: level };
      if (!isNil && options.shouldKeepValue(tag.local)) text = { buffer: "", depth: level, field: "fact" };
    }
  });
  parser.on("closetag", () => {
    depth -= 1;
    const level = depth;
    if (text && text.depth === level) {
      if (text.field === "fact" && fact) fact.record.value = text.buffer;
      else if (text.field === "measure" && unit)
        unit.measures.push(resolveMeasure(parser, text.buffer, unit.id));
      else if (context && text.field !== "fact" && text.field !== "measure") setContextField(context, text);
      text = undefined;
    }
    if (fact && fact.depth === level) fact = undefined;
    if (tupleDepth === level) tupleDepth = undefined;
    if (level === 1 && context) {
      instance.contexts.set(context.id, context);
      context = undefined;
    }
    if (level === 1 && unit) {
      instance.units.set(unit.id, unit);
      unit = undefined;
    }
  });

  const chunks = readXbrlChunks(input, options.maximumBytes, (byteCount) => {
    instance.byteCount = byteCount;
  });
  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
  return instance;
}

function setContextField(context: XbrlContext, text: { buffer: string; field: string }): void {
  const value = text.buffer.trim();
  if (text.field === "identifier") context.entityIdentifier = value;
  else if (text.field === "startDate") context.startDate = value;
  else if (text.field === "endDate") context.endDate = value;
  else if (text.field === "instant") context.instant = value;
}

function resolveMeasure(parser: SaxesParser<{ xmlns: true }>, raw: string, unitId: string): string {
  const qualifiedName = raw.trim();
  const separator = qualifiedName.indexOf(":");
  const prefix = separator === -1 ? "" : qualifiedName.slice(0, separator);
  const local = qualifiedName.slice(separator + 1);
  const uri = parser.resolve(prefix) ?? "";
  const measure = `${uri}#${local}`;
  if (uri === iso4217Namespace && measure !== euroMeasure) {
    throw new XbrlRejectedError(
      "unit",
      `Unit "${unitId}" is in ${local}: SECTOR reads statements in euro (EUR) only; convert the filing first.`,
    );
  }
  return measure;
}

function findAttribute(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  const attributes: SaxesAttributeNS[] = Object.values(tag.attributes);
  return attributes.find((attribute) => attribute.uri === uri && attribute.local === local)?.value;
}

const positionPattern = /^(\d+):(\d+): (.*)$/s;

function toRejection(message: string): XbrlRejectedError {
  const match = positionPattern.exec(message);
  const where = match ? `line ${match[1]}, column ${Number(match[2]) + 1}` : "an unknown position";
  const detail = match?.[3] ?? message;
  if (detail === "undefined entity." || detail === "disallowed character in entity name.") {
    return new XbrlRejectedError(
      "entity",
      `Entity reference refused at ${where}: only &amp; &lt; &gt; &quot; &apos; and character references are allowed.`,
    );
  }
  return new XbrlRejectedError("malformed_xml", `Malformed XML at ${where}: ${detail}`);
}
