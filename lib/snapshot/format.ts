/**
 * The version of what statetrail writes into the trail. Bump it whenever the bytes of an
 * unchanged resource would change: a collector reads a new field, a normalization step is added,
 * removed or reordered, a sort key changes. The first scan after a bump records the rewritten
 * files in their own `format:` commit, never as observed change.
 *
 * 2: all EC2/VPC types, S3 buckets, EKS; security-group rules and VPC DNS attributes.
 * 3: names over 250 bytes or with upper-case letters end in `~<digest>`; reserved Kubernetes
 *    segments escaped; ids never credential-masked; credential-shaped keys masked; every
 *    annotation of a Secret but a harmless few fingerprinted.
 */
export const FORMAT_VERSION = 3;
