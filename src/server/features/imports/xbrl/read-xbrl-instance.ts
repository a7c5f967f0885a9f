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

type TextField = "startDate" | "endDate" | "instant" | "identifier" | "measure" | "fact";
const contextFields = new Set<string>(["startDate", "endDate", "instant", "identifier"]);
const euroMeasure = `${iso4217Namespace}#EUR`;
const noDepth = -1;

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
  const { contexts, units, facts } = instance;
  let depth = 0;
  let tupleDepth = noDepth;
  let context: XbrlContext | undefined;
  let unit: XbrlUnit | undefined;
  let fact: XbrlFact | undefined;
  let factDepth = noDepth;
  // The text being collected. saxes only gathers text while a text handler is set, so the handler is set for
  // the elements whose text is kept and the notes' text blocks pass by unsliced and unjoined.
  let textField: TextField | undefined;
  let textDepth = noDepth;
  let textBuffer = "";
  const appendText = (chunk: string) => {
    textBuffer += chunk;
  };
  const startText = (field: TextField, level: number) => {
    if (textField === undefined) parser.on("text", appendText);
    textField = field;
    textDepth = level;
    textBuffer = "";
  };

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
  parser.on("cdata", (chunk) => {
    if (textField !== undefined) textBuffer += chunk;
  });
  parser.on("opentag", (tag) => {
    const level = depth;
    depth += 1;
    const { uri, local } = tag;
    if (context) {
      if (uri === xbrlDimensionsNamespace || (uri === xbrlInstanceNamespace && local === "segment")) {
        context.isDimensional = true;
      }
      if (uri === xbrlInstanceNamespace && contextFields.has(local)) startText(local as TextField, level);
      return;
    }
    if (unit) {
      if (uri === xbrlInstanceNamespace && local === "measure") startText("measure", level);
      return;
    }
    if (fact) return;
    if (level === 1) {
      if (uri === xbrlInstanceNamespace && local === "context") {
        context = { id: tag.attributes.id?.value ?? "", isDimensional: false };
        return;
      }
      if (uri === xbrlInstanceNamespace && local === "unit") {
        unit = { id: tag.attributes.id?.value ?? "", measures: [] };
        return;
      }
      if (uri === linkbaseNamespace && local === "schemaRef") {
        const href = findAttribute(tag, xlinkNamespace, "href");
        if (href !== undefined) instance.schemaRefHrefs.push(href);
        return;
      }
    } else if (level === 0) {
      if (uri !== xbrlInstanceNamespace || local !== "xbrl") {
        throw new XbrlRejectedError(
          "not_xbrl",
          `The root element is <${tag.name}>, not an XBRL instance (xbrli:xbrl).`,
        );
      }
      instance.rootNamespaceUris = Object.values(tag.ns);
      return;
    }
    if (!isItccNamespace(uri)) return;
    // Unprefixed attributes are in no namespace, and a prefixed one never is: the name alone is exact.
    const contextId = tag.attributes.contextRef?.value;
    if (contextId === undefined) {
      if (level === 1) tupleDepth = level;
      return;
    }
    const isNil = findAttribute(tag, xmlSchemaInstanceNamespace, "nil")?.trim() === "true";
    fact = {
      localName: local,
      contextId,
      unitId: tag.attributes.unitRef?.value,
      isNil,
      isInTuple: tupleDepth !== noDepth,
      value: undefined,
      line: parser.line,
    };
    facts.push(fact);
    factDepth = level;
    if (!isNil && options.shouldKeepValue(local)) startText("fact", level);
  });
  parser.on("closetag", () => {
    depth -= 1;
    const level = depth;
    if (level === textDepth) {
      if (textField === "fact") {
        if (fact) fact.value = textBuffer;
      } else if (textField === "measure") {
        if (unit) unit.measures.push(resolveMeasure(parser, textBuffer, unit.id));
      } else if (context && textField !== undefined) setContextField(context, textField, textBuffer);
      parser.off("text");
      textField = undefined;
      textDepth = noDepth;
      textBuffer = "";
    }
    if (level === factDepth) {
      fact = undefined;
      factDepth = noDepth;
    }
    if (level === tupleDepth) tupleDepth = noDepth;
    if (level === 1) {
      if (context) {
        contexts.set(context.id, context);
        context = undefined;
      }
      if (unit) {
        units.set(unit.id, unit);
        unit = undefined;
      }
    }
  });

  const chunks = readXbrlChunks(input, options.maximumBytes, (byteCount) => {
    instance.byteCount = byteCount;
  });
  for await (const chunk of chunks) parser.write(chunk);
  parser.close();
  return instance;
}

function setContextField(context: XbrlContext, field: TextField, text: string): void {
  const value = text.trim();
  if (field === "identifier") context.entityIdentifier = value;
  else if (field === "startDate") context.startDate = value;
  else if (field === "endDate") context.endDate = value;
  else if (field === "instant") context.instant = value;
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

/** The value of the attribute in namespace `uri` named `local` (saxes refuses duplicates, so there is one). */
function findAttribute(tag: SaxesTagNS, uri: string, local: string): string | undefined {
  const attributes: Record<string, SaxesAttributeNS> = tag.attributes;
  for (const name in attributes) {
    const attribute = attributes[name];
    if (attribute !== undefined && attribute.local === local && attribute.uri === uri) return attribute.value;
  }
  return undefined;
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
