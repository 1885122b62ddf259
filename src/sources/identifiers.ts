// Author identifiers as sources give them, in one normal form: "orcid:0000-0002-1825-0097", "scopus:57190000001",
// "openalex:A5023888391", "researcherid:A-1234-2010". Invalid values are dropped, never guessed at.

/** ORCID iD from "0000-0002-1825-0097", "https://orcid.org/0000-…" or "ORCID: 0000…", with its checksum verified. */
export function orcidId(text: string | undefined): string | undefined {
  const m = /(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dXx])/.exec(text ?? '');
  if (!m) return undefined;
  const digits = `${m[1]}${m[2]}${m[3]}${m[4]}`.toUpperCase();
  // ISO 7064 11,2 check digit, as ORCID specifies.
  let total = 0;
  for (const c of digits.slice(0, 15)) total = (total + Number(c)) * 2;
  const check = (12 - (total % 11)) % 11;
  if (digits[15] !== (check === 10 ? 'X' : String(check))) return undefined;
  return `orcid:${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

export function scopusId(text: string | undefined): string | undefined {
  const m = /^\s*(\d{6,14})\s*$/.exec(text ?? '');
  return m ? `scopus:${m[1]}` : undefined;
}

export function openalexAuthorId(text: string | undefined): string | undefined {
  const m = /(?:^|\/)(A\d{4,})\s*$/i.exec(text ?? '');
  return m ? `openalex:${m[1]!.toUpperCase()}` : undefined;
}

export function researcherId(text: string | undefined): string | undefined {
  const m = /\b([A-Z]{1,3}-\d{4}-\d{4})\b/.exec(text ?? '');
  return m ? `researcherid:${m[1]}` : undefined;
}

/** Several ids of one author, space-separated (the form records carry), '' when none. */
export function joinIds(ids: (string | undefined)[]): string {
  return [...new Set(ids.filter((x): x is string => !!x))].sort().join(' ');
}
