/** What the build (src/console/vite.config.ts) derives from the committed schema.graphql. */
declare module 'virtual:schema-facts' {
  const facts: import('../schema-facts.ts').SchemaFacts;
  export default facts;
}
