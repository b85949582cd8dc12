/** Where a state instance lives, when its attributes (ARNs) do not say: from the config. */
export interface StateScopeHint {
  readonly accountId?: string;
  readonly region?: string;
  readonly cluster?: string;
}

/**
 * One managed resource instance of a Terraform state, as every later step sees it: data sources
 * are gone and every sensitive value is already masked as `(sensitive)`, so no later step can
 * leak one. Never holds provider schemas: attributes are the state's own JSON.
 */
export interface StateInstance {
  /** Where the state was read from: a file path or `s3://bucket/key`. */
  readonly state: string;
  readonly lineage: string;
  readonly serial: number;
  /** `module.net.aws_subnet.private["b"]`; a deposed object adds ` (deposed <key>)`. */
  readonly address: string;
  /** `aws_subnet`. */
  readonly type: string;
  /** `provider["registry.terraform.io/hashicorp/aws"].west` as the state writes it. */
  readonly provider: string;
  /** The attributes, sensitive values masked. */
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly tainted: boolean;
  /** The deposed key of a create_before_destroy leftover. */
  readonly deposed?: string | undefined;
  /** The config's scope for this state, used when the attributes hold no ARN. */
  readonly scopeHint?: StateScopeHint | undefined;
}

/** The mask every sensitive value is replaced by. */
export const SENSITIVE = '(sensitive)';
