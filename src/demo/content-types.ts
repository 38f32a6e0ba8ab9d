/** The demo content model of CONTRACT.md: article, topic, author. */
import { defineField } from '../store/define-field.js';
import type { ContentTypeBody, FieldDefinition, Json } from '../store/types.js';

const field = (id: string, name: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}) =>
  defineField(id, type, { name, ...extra });

const slugRules: Json[] = [
  { unique: true },
  { regexp: { pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', flags: '' }, message: 'Use lowercase letters, digits and single hyphens' },
];
const onlyType = (id: string): Json[] => [{ linkContentType: [id] }];

export const articleTypes = ['Article', 'Guide', 'Interview', 'News'] as const;

export const demoContentTypes: Array<{ id: string } & ContentTypeBody> = [
  {
    id: 'topic',
    name: 'Topic',
    description: 'A subject that groups articles.',
    displayField: 'name',
    fields: [
      field('name', 'Name', 'Symbol', { required: true }),
      field('slug', 'Slug', 'Symbol', { required: true, validations: slugRules }),
      field('description', 'Description', 'Text'),
    ],
  },
  {
    id: 'author',
    name: 'Author',
    description: 'A person or team who writes articles.',
    displayField: 'name',
    fields: [
      field('name', 'Name', 'Symbol', { required: true }),
      field('slug', 'Slug', 'Symbol', { required: true, validations: slugRules }),
      field('bio', 'Bio', 'Text'),
    ],
  },
  {
    id: 'article',
    name: 'Article',
    description: 'A career article on the hub.',
    displayField: 'title',
    fields: [
      field('title', 'Title', 'Symbol', { required: true }),
      field('slug', 'Slug', 'Symbol', { required: true, validations: slugRules }),
      field('description', 'Description', 'Text', { required: true }),
      field('body', 'Body', 'RichText'),
      field('publishDate', 'Publish date', 'Date', { required: true }),
      field('type', 'Type', 'Symbol', { required: true, validations: [{ in: [...articleTypes] }] }),
      field('featuredImage', 'Featured image', 'Link', { linkType: 'Asset', validations: [{ linkMimetypeGroup: ['image'] }] }),
      field('topics', 'Topics', 'Array', { items: { type: 'Link', linkType: 'Entry', validations: onlyType('topic') } }),
      field('author', 'Author', 'Link', { linkType: 'Entry', validations: onlyType('author') }),
    ],
  },
];
