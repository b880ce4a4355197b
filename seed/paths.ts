/** Where the corpus and the raw articles live in the repository (editor tools, scripts, tests and the bench). */
import { fileURLToPath } from 'node:url';

/** The corpus the seed refresh loads: YAML files and the cleaned texts under documents/. */
export const CORPUS_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** The raw articles the cleaned texts were made from, as given. */
export const RAW_DIR = fileURLToPath(new URL('./raw/', import.meta.url));
