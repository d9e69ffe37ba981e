// Reference syntax shared by the runbook schemas and the engine's interpolation; kept apart from
// the schemas so that the cockpit's views can interpolate without loading zod.

/** `{{name}}` refers to a runbook parameter; `${NAME}` to an environment variable. */
export const PARAM_REF = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;
export const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
