import { describe, expect, it } from "vitest";
import { searchSynonyms, synonymGroups, synonymText } from "../../src/lib/search-synonyms.ts";
import type { Term } from "../../src/schemas/index.ts";

const terms: Term[] = [
  {
    id: "asd",
    term: "ASD",
    expansion: "Autistic Spectrum Disorder",
    definition: "Autism.",
    aliases: ["autism"],
  },
  {
    id: "salt",
    term: "SALT",
    expansion: "Speech and Language Therapy",
    definition: "Therapy.",
    aliases: ["Speech and Language Therapists"],
  },
  { id: "slt", term: "SLT", expansion: "Speech and Language Therapy", definition: "Also SALT.", aliases: [] },
  { id: "local-offer", term: "Local Offer", definition: "Services.", aliases: [] },
];
const groups = synonymGroups(terms);
const synonyms = (text: string) => searchSynonyms(text, groups);

describe("synonymGroups", () => {
  it("joins terms that share a spelling (SALT and SLT both stand for speech and language therapy) into one group", () => {
    expect(groups).toEqual([
      ["ASD", "Autistic Spectrum Disorder", "autism"],
      ["SALT", "Speech and Language Therapy", "Speech and Language Therapists", "SLT"],
    ]);
  });

  it("leaves out a term with no other spelling", () => {
    expect(groups.flat()).not.toContain("Local Offer");
  });
});

describe("searchSynonyms", () => {
  it('adds the acronyms to a page that spells out "speech and language therapy" in any case', () => {
    expect(synonyms("Average wait for speech and language therapy")).toEqual([
      { seen: "Speech and Language Therapy", others: ["SALT", "Speech and Language Therapists", "SLT"] },
    ]);
  });

  it("adds the words and the other acronym to a page that only says SLT", () => {
    expect(synonyms("Waits for SLT are falling.")).toEqual([
      { seen: "SLT", others: ["SALT", "Speech and Language Therapy", "Speech and Language Therapists"] },
    ]);
  });

  it('adds "ASD" to a page that says "autism", and "autism" to one that says "ASD"', () => {
    expect(synonyms("Waits for an autism assessment.")[0]?.others).toContain("ASD");
    expect(synonyms("Waits for an ASD assessment.")[0]?.others).toContain("autism");
  });

  it("matches an acronym only in capitals and only as a whole word", () => {
    expect(synonyms("Add salt to taste; the SALTED crisps; ASDA.")).toEqual([]);
  });

  it("takes a letter of any script, one outside the Basic Multilingual Plane too, as part of a word", () => {
    expect(synonyms("ASDé, éASD, ASD١, 𝐀ASD, ASD𝐀, autismë")).toEqual([]);
    expect(synonyms("(ASD) waits")[0]?.seen).toBe("ASD");
    expect(synonyms("ASD-led")[0]?.seen).toBe("ASD");
    expect(synonyms("𝐀 ASD")[0]?.seen).toBe("ASD");
  });

  it("finds a whole-word use after a use inside another word, and words split over lines", () => {
    expect(synonyms("The ASDA shop; then ASD.")[0]?.seen).toBe("ASD");
    expect(synonyms("ASDASD ASD")[0]?.seen).toBe("ASD");
    expect(synonyms("speech and\n  language   therapy")[0]?.seen).toBe("Speech and Language Therapy");
  });

  it('finds spellings after an "İ", the one letter that lower-cases to two characters, and not joined to it', () => {
    expect(synonyms("İstanbul: ASD waits")[0]?.seen).toBe("ASD");
    expect(synonyms("İASD, ASDİ and İ speech and language therapy")).toEqual([
      { seen: "Speech and Language Therapy", others: ["SALT", "Speech and Language Therapists", "SLT"] },
    ]);
  });

  it("adds nothing for a group whose every spelling is already on the page", () => {
    expect(synonyms("ASD (Autistic Spectrum Disorder), also called autism.")).toEqual([]);
  });

  it("adds each spelling once however many groups lead to it", () => {
    const added = synonyms("SALT and SLT, speech and language therapy").flatMap((s) => s.others);
    expect(added).toEqual(["Speech and Language Therapists"]);
  });
});

describe("synonymText", () => {
  it("writes the added spellings as sentences, since Pagefind may quote them in an excerpt", () => {
    expect(synonymText(synonyms("Waits for SLT."))).toBe(
      "SLT is also written: SALT; Speech and Language Therapy; Speech and Language Therapists.",
    );
  });
});
