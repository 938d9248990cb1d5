/** Plain Markdown files in `pages/`, loaded the standard way. */
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const collections = {
  pages: defineCollection({
    loader: glob({ pattern: "**/*.md", base: "./pages" }),
    schema: z.object({ title: z.string() }),
  }),
};
