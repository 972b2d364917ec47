import { testRule } from '../../../helpers/rule-tester';

const DIR = 'rules/vct-shadows-volume';

testRule('vct-shadows-volume', {
  valid: [
    { name: 'a volume that reads a claim by claimName under a name of its own', files: [`${DIR}/distinct-names.yaml`] },
    { name: "a claim volume that spells out the template's own claim, or names none", files: [`${DIR}/claim-spelled-out.yaml`] },
  ],
  invalid: [
    {
      name: 'an emptyDir volume named like a claim template',
      files: [`${DIR}/emptydir-and-claim.yaml`],
      findings: [
        {
          range: '27:17-27:21',
          message:
            "The volume 'data' has the name of a volumeClaimTemplate, so the claim replaces it in every pod and this volume's source is never used. Rename the volume or the claim template, or remove the volume.",
          related: [{ file: `${DIR}/emptydir-and-claim.yaml`, range: '31:15-31:19' }],
        },
      ],
    },
    {
      name: 'a volume for a shared claim named like the template',
      files: [`${DIR}/shared-claim-and-template.yaml`],
      findings: [
        {
          range: '24:17-24:24',
          message:
            "The volume 'library' has the name of a volumeClaimTemplate, so the claim replaces it in every pod and this volume's source is never used. Rename the volume or the claim template, or remove the volume.",
          related: [{ file: `${DIR}/shared-claim-and-template.yaml`, range: '29:15-29:22' }],
        },
      ],
    },
  ],
});
