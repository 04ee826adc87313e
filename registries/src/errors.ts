/**
 * The registries' error catalog. Codes are stable: connectors turn business
 * codes into BPMN errors and bundles catch them by name (OPERATIONS.md).
 */

/** Codes for technical and protocol errors, with their HTTP status. */
export const TECHNICAL_ERRORS = {
  INVALID_INPUT: { status: 400, message: '请求数据无效 / the request is invalid' },
  IDEMPOTENCY_KEY_MISSING: { status: 400, message: '缺少幂等键 / an Idempotency-Key header is required' },
  ADMIN_UNAUTHORIZED: { status: 401, message: '管理令牌无效 / admin token missing or wrong' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在 / no such route' },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: '相同幂等键的请求正在处理 / a request with this key is in progress',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    message: '幂等键已用于其他请求 / the key was used for another request',
  },
  INTERNAL_ERROR: { status: 500, message: '内部错误 / internal error' },
  REGISTRY_UNAVAILABLE: { status: 503, message: '登记系统暂不可用 / the registry is unavailable' },
  UPSTREAM_UNAVAILABLE: {
    status: 503,
    message: '所依赖的登记系统不可用 / a registry consulted is unavailable',
  },
  REGISTRY_TIMEOUT: { status: 504, message: '登记系统响应超时 / the registry timed out' },
} as const;

export type TechnicalErrorCode = keyof typeof TECHNICAL_ERRORS;

/** Business codes: 422 when a write is rejected, 404 when a query finds nothing. */
export const BUSINESS_ERRORS = {
  PERSON_NOT_FOUND: '查无此人 / no such person in the civil registry',
  PERSON_DECEASED: '该人员已死亡 / the person is recorded as deceased',
  NAME_MISMATCH: '姓名与身份证号码不符 / the name does not match the ID number',
  MOTHER_NOT_FEMALE: '母亲性别不符 / the mother is not recorded as female',
  BIRTH_ALREADY_CERTIFIED: '已签发出生医学证明 / a birth certificate was already issued for this birth',
  BIRTH_CERTIFICATE_NOT_FOUND: '出生医学证明不存在 / no such birth certificate',
  BIRTH_CERTIFICATE_MISMATCH: '与出生医学证明不符 / does not match the birth certificate',
  BIRTH_ALREADY_REGISTERED: '该出生已登记 / the birth is already registered',
  BIRTH_REGISTRATION_NOT_FOUND: '出生登记不存在 / no such birth registration',
  GUARDIAN_MISMATCH: '监护人不是出生医学证明上的父母 / the guardian is not a parent on the certificate',
  VACCINATION_RECORD_NOT_FOUND: '预防接种档案不存在 / no such vaccination record',
  DEATH_ALREADY_CERTIFIED: '已签发死亡医学证明 / a death certificate was already issued',
  DEATH_CERTIFICATE_NOT_FOUND: '死亡医学证明不存在 / no such death certificate',
  DEATH_CERTIFICATE_MISMATCH: '死亡医学证明与死者不符 / the death certificate is for another person',
  HOUSEHOLD_NOT_FOUND: '户不存在 / no such household',
  PARENT_NOT_IN_HOUSEHOLD: '父母均不在该户 / neither parent belongs to the household',
  ALREADY_CANCELLED: '户口已注销 / the registration is already cancelled',
  EMPLOYER_NOT_FOUND: '单位未登记 / the employer is not registered',
  ALREADY_EMPLOYED: '已有在职就业登记 / an active employment registration exists',
  EMPLOYMENT_NOT_REGISTERED: '无该单位的就业登记 / no employment registration with this employer',
  EMPLOYMENT_NOT_FOUND: '无该单位的就业记录 / no employment with this employer',
  ALREADY_ENROLLED: '已参保 / already enrolled',
  NOT_INSURED: '未参保 / not insured',
  PERSON_NOT_INSURED: '社保系统无此人记录 / hr has no record of the person',
  CARD_ALREADY_ISSUED: '已有有效社保卡 / an active social security card exists',
  NOT_ELIGIBLE: '不符合条件 / not eligible',
  PENSION_ALREADY_CLAIMED: '已申领养老金 / a pension was already claimed',
  PENSION_NOT_CLAIMED: '未领取养老金 / no pension claimed',
  ALREADY_STOPPED: '养老金已停发 / the pension is already stopped',
  ALREADY_CONTINUED: '医保关系已接续 / medical insurance already continued',
  UNEMPLOYMENT_NOT_REGISTERED: '无有效失业登记 / no active unemployment registration',
  ALREADY_REGISTERED: '已登记 / already registered',
  INSUFFICIENT_CONTRIBUTIONS: '缴费年限不足 / not enough contribution months',
  ALREADY_GRANTED: '已发放 / already granted',
  TAXPAYER_NOT_FOUND: '纳税人不存在 / no such taxpayer',
  NOT_PARENT_OF_CHILD: '纳税人不是子女的父母 / the taxpayer is not a parent of the child',
  CHILD_NOT_ELIGIBLE: '子女已满 3 周岁 / the child is 3 or older',
  SHARE_EXCEEDED: '父母扣除比例合计超过 100% / the parents’ shares exceed 100%',
  ALREADY_CLOSED: '专项附加扣除已注销 / deductions already closed',
  DELIVERY_NOT_FOUND: '无分娩记录 / no delivery record for the mother',
  DOCUMENT_NOT_FOUND: '证照不存在 / no such document',
} as const;

export type BusinessCode = keyof typeof BUSINESS_ERRORS;
export type ErrorCode = TechnicalErrorCode | BusinessCode;

export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly fields?: FieldErrors };
}

/** A business rejection: an expected outcome, returned as data. */
export interface Rejection {
  readonly code: BusinessCode;
  readonly message: string;
}

export function reject(code: BusinessCode, detail?: string): Rejection {
  return { code, message: detail ? `${BUSINESS_ERRORS[code]}: ${detail}` : BUSINESS_ERRORS[code] };
}

export function isTechnicalCode(code: ErrorCode): code is TechnicalErrorCode {
  return Object.hasOwn(TECHNICAL_ERRORS, code);
}

export function messageOf(code: ErrorCode): string {
  return isTechnicalCode(code) ? TECHNICAL_ERRORS[code].message : BUSINESS_ERRORS[code];
}

export function errorBody(code: ErrorCode, message?: string, fields?: FieldErrors): ErrorBody {
  return { error: { code, message: message ?? messageOf(code), ...(fields ? { fields } : {}) } };
}

/** A registry this one consults could not answer; the request ends in 503 and releases its key. */
export class UpstreamUnavailableError extends Error {
  override readonly name = 'UpstreamUnavailableError';
}

export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: Rejection };

export function success<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure<T>(code: BusinessCode, detail?: string): Outcome<T> {
  return { ok: false, rejection: reject(code, detail) };
}
