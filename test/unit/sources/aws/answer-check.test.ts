import { describe, expect, it } from 'vitest';
import { bodyProblem, outputProblem } from '../../../../lib/sources/aws/answer-check.js';
import { ANSWER_SHAPES, type AnswerShape } from '../../../../lib/sources/aws/answer-shapes.js';
import { classifyAwsError, MalformedAnswerError } from '../../../../lib/sources/aws/errors.js';

function shape(operation: string): AnswerShape {
  const found = ANSWER_SHAPES.get(operation);
  if (!found) throw new Error(`no shape for ${operation}`);
  return found;
}

describe('Function: bodyProblem', () => {
  it.each([
    [
      'DescribeInstances',
      '<?xml version="1.0"?>\n<DescribeInstancesResponse xmlns="x"><reservationSet/></DescribeInstancesResponse>',
    ],
    [
      'GetBucketVersioning',
      '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>',
    ],
    ['ListClusters', '{"clusters":[]}'],
    ['GetBucketPolicy', '{"Version":"2012-10-17","Statement":[]}'],
  ])('accepts the %s document, empty or not', (operation, body) => {
    expect(bodyProblem(shape(operation), body)).toBeUndefined();
  });

  it.each([
    ['DescribeInstances', '', 'an empty body'],
    ['DescribeInstances', '<!DOCTYPE html><html><body/></html>', 'a <html> document'],
    ['DescribeInstances', '<DescribeRegionsResponse/>', 'a <DescribeRegionsResponse> document'],
    ['GetBucketVersioning', '  ', 'an empty body'],
    ['GetBucketVersioning', '<ListAllMyBucketsResult/>', 'a <ListAllMyBucketsResult> document'],
    ['ListClusters', '<html></html>', 'a body that is not JSON'],
    ['ListClusters', '[]', 'a JSON body that is not an object'],
    ['GetBucketPolicy', '{}', 'a JSON body without Statement'],
  ])('refuses a %s answer of %j', (operation, body, problem) => {
    expect(bodyProblem(shape(operation), body)).toBe(problem);
  });
});

describe('Function: outputProblem', () => {
  it('wants the list present and a list, the described object present and an object', () => {
    expect(outputProblem(shape('DescribeInstances'), { Reservations: [] })).toBeUndefined();
    expect(outputProblem(shape('DescribeInstances'), {})).toBe('an answer without Reservations');
    expect(outputProblem(shape('ListClusters'), { clusters: null })).toBe(
      'an answer without clusters',
    );
    expect(outputProblem(shape('DescribeCluster'), { cluster: { name: 'a' } })).toBeUndefined();
    expect(outputProblem(shape('DescribeCluster'), {})).toBe('an answer without cluster');
  });
});

describe('Function: classifyAwsError', () => {
  it('reports a broken answer as malformed, with its problem and never its body', () => {
    const error = new MalformedAnswerError('DescribeKeyPairs', 'an answer without KeyPairs');
    expect(classifyAwsError(error)).toEqual({
      code: 'malformed',
      reason: 'an answer without KeyPairs',
    });
  });
});
