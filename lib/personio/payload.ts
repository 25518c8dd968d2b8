import "server-only";

export type PersonioEmployeeInput = {
  firstName: string;
  lastName: string;
  email: string;
  position?: string;
  preferredName?: string;
  gender?: string;
  department?: string;
  office?: string;
  subcompany?: string;
  /** yyyy-mm-dd */
  hireDate?: string;
  weeklyWorkingHours?: number;
  status?: string;
  supervisorId?: number;
  /** Keys as Personio names them, e.g. `dynamic_1170389`. */
  customAttributes?: Record<string, string>;
};

/** Maps our camelCase input to v1's snake_case `employee` object, leaving out what was not given. */
export function toEmployeePayload(input: Partial<PersonioEmployeeInput>): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    email: input.email,
    first_name: input.firstName,
    last_name: input.lastName,
    position: input.position,
    preferred_name: input.preferredName,
    gender: input.gender,
    department: input.department,
    office: input.office,
    subcompany: input.subcompany,
    hire_date: input.hireDate,
    weekly_working_hours: input.weeklyWorkingHours,
    status: input.status,
    supervisor_id: input.supervisorId,
    custom_attributes:
      input.customAttributes && Object.keys(input.customAttributes).length > 0 ? input.customAttributes : undefined,
  };
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
}
