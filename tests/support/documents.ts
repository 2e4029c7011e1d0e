// The GraphQL mutation documents the tests send: one builder, so that each test names the mutation and the fields it
// wants back, and the operation text (input type, userErrors) is written once.
export const USER_ERRORS = "userErrors { field code message }";

const INPUT_TYPES = {
  submitActivity: "SubmitActivityInput",
  submitActivities: "SubmitActivitiesInput",
  updateActivity: "UpdateActivityInput",
  withdrawActivity: "WithdrawActivityInput",
  recordMetrics: "RecordMetricsInput",
  removeMetrics: "RemoveMetricsInput",
  reviewActivity: "ReviewActivityInput",
  createSociety: "CreateSocietyInput",
  updateSociety: "UpdateSocietyInput",
  createEdition: "CreateEditionInput",
  updateEdition: "UpdateEditionInput",
  issueApiKey: "IssueApiKeyInput",
  revokeApiKey: "RevokeApiKeyInput",
} as const;
export type MutationName = keyof typeof INPUT_TYPES;

/** `mutation($input: …Input!) { name(input: $input) { <fields> userErrors { field code message } } }` */
export function mutation(name: MutationName, fields: string, userErrors = USER_ERRORS): string {
  return `mutation($input: ${INPUT_TYPES[name]}!) { ${name}(input: $input) { ${fields} ${userErrors} } }`;
}
