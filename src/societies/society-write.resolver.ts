import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { CreateSocietyInput, UpdateSocietyInput } from "./society-write.inputs.js";
import { SocietyPayload } from "./society-write.payloads.js";
import { createSociety, updateSociety } from "./society-write.service.js";

@Resolver()
export class SocietyWriteResolver {
  @Mutation(() => SocietyPayload, { description: "Staff only: adds a society." })
  async createSociety(@Ctx() ctx: Context, @Arg("input", () => CreateSocietyInput, { description: "The society." }) input: CreateSocietyInput) {
    const { result, userErrors } = await createSociety(ctx, input);
    return { society: result, userErrors };
  }

  @Mutation(() => SocietyPayload, { description: "Staff only: changes a society." })
  async updateSociety(@Ctx() ctx: Context, @Arg("input", () => UpdateSocietyInput, { description: "The changes." }) input: UpdateSocietyInput) {
    const { result, userErrors } = await updateSociety(ctx, input);
    return { society: result, userErrors };
  }
}
