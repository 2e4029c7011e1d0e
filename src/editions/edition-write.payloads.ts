// What the edition mutations answer.
import { Field, ObjectType } from "type-graphql";
import type { EditionRow } from "../db/schema.js";
import { UserError } from "../shared/user-errors.js";
import { Edition } from "./edition.type.js";

@ObjectType("EditionPayload", { description: "The result of an edition mutation." })
export class EditionPayload {
  @Field(() => Edition, { nullable: true, description: "The edition after the mutation; null when refused." })
  edition!: EditionRow | null;
  @Field(() => [UserError], { description: "Why the input was refused; empty on success." })
  userErrors!: UserError[];
}
