/** Why a file was refused; the message says where and what, for the person who uploaded it. */
export type XbrlRejectionReason =
  | "doctype"
  | "entity"
  | "malformed_xml"
  | "not_utf8"
  | "too_large"
  | "not_xbrl"
  | "unit"
  | "context"
  | "value";

/**
 * A file SECTOR refuses to read as an itcc-ci XBRL instance: unsafe (DTD, entities, size), not well-formed, or
 * not something the importer can turn into euro statements. Nothing is returned for a refused file.
 */
export class XbrlRejectedError extends Error {
  readonly reason: XbrlRejectionReason;

  constructor(reason: XbrlRejectionReason, message: string) {
    super(message);
    this.name = "XbrlRejectedError";
    this.reason = reason;
  }
}
