/** Demo topics and the author, by slug. Entry ids are `topic-<slug>` and `author-<slug>`. */
export const demoTopics = [
  { slug: 'devops', name: 'DevOps', description: 'Building, shipping and running software as one team.' },
  { slug: 'software-development', name: 'Software Development', description: 'Careers in designing and writing software.' },
  { slug: 'programming-languages', name: 'Programming Languages', description: 'Which languages to learn, and why.' },
  { slug: 'game-development', name: 'Game Development', description: 'Making games, from indie projects to large studios.' },
  { slug: 'degrees', name: 'Degrees', description: 'Choosing and completing a degree.' },
  { slug: 'python', name: 'Python', description: 'Learning and working with Python.' },
] as const;

export type TopicSlug = (typeof demoTopics)[number]['slug'];

export const demoAuthor = {
  slug: 'folio-editorial-team',
  name: 'Folio Editorial Team',
  bio: 'Writers and editors who cover careers in technology, education and the skills that lead to them.',
};
