import { Type, type Static } from 'typebox';
import { GROUPS, ROLES } from '../users/roles.ts';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const UserView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(Type.Enum(ROLES)),
  groups: Type.Array(Type.Enum(GROUPS)),
});
export type UserView = Static<typeof UserView>;

export const UserResponse = Type.Object({ user: UserView });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});
