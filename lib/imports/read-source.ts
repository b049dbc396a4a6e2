import { readJson } from "./read-file";
import { readC3voc } from "./sources/c3voc";
import { readConferenceHall } from "./sources/conference-hall";
import { readPretalx } from "./sources/pretalx";
import { readSessionize } from "./sources/sessionize";
import type { ImportedFile, ImportFormat, SourceReader } from "./types";

const READERS: Record<ImportFormat, SourceReader> = {
  sessionize: readSessionize,
  pretalx: readPretalx,
  "conference-hall": readConferenceHall,
  c3voc: readC3voc,
};

/** A file's proposals and questions in the neutral shape, or an `invalid` DomainError naming the first problems. */
export function readImportFile(format: ImportFormat, text: string): ImportedFile {
  return READERS[format](readJson(text));
}
