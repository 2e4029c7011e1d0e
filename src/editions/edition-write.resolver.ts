import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { CreateEditionInput, UpdateEditionInput } from "./edition-write.inputs.js";
import { EditionPayload } from "./edition-write.payloads.js";
import { createEdition, updateEdition } from "./edition-write.service.js";

@Resolver()
export class EditionWriteResolver {
  @Mutation(() => EditionPayload, { description: "Staff only: adds an edition." })
  async createEdition(@Ctx() ctx: Context, @Arg("input", () => CreateEditionInput, { description: "The edition." }) input: CreateEditionInput) {
    const { result, userErrors } = await createEdition(ctx, input);
    return { edition: result, userErrors };
  }

  @Mutation(() => EditionPayload, { description: "Staff only: changes an edition's theme." })
  async updateEdition(@Ctx() ctx: Context, @Arg("input", () => UpdateEditionInput, { description: "The changes." }) input: UpdateEditionInput) {
    const { result, userErrors } = await updateEdition(ctx, input);
    return { edition: result, userErrors };
  }
}
