/** The PostgreSQL schema that holds the job queue and the shared request pacing, beside the memory's tables. */
export const queueSchema = 'jialing_queue';

/** The queue of article × language jobs. */
export const translateQueue = 'translate';

/** Where a job that failed every try is copied, for anyone who watches failures with pg-boss's own tools. */
export const deadLetterQueue = 'translate-dead';
