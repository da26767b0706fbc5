// Placeholder: the DB tier replaces this with a PostgreSQL 15 server started for the run.
export default function setup(): void {}
