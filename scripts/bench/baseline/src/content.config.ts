import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.CORPUS!;

export const collections = {
  texts: defineCollection({ loader: glob({ pattern: '{practices,regulations}/*.md', base }) }),
  records: defineCollection({ loader: glob({ pattern: '{organizations,mentors,roadmaps,forms}/*.yaml', base }) }),
};
