/** The EKS types, in registry order. */
export const EKS_TYPES = [
  'AWS::EKS::Cluster',
  'AWS::EKS::Nodegroup',
  'AWS::EKS::Addon',
  'AWS::EKS::FargateProfile',
  'AWS::EKS::AccessEntry',
  'AWS::EKS::PodIdentityAssociation',
  'AWS::EKS::IdentityProviderConfig',
] as const;
