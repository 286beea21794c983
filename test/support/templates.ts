/** A SAM template with one function `Fn` and the given `Properties` lines (indented six spaces); `extra` goes before `Resources:`. */
export const SAM = (properties: string, extra = '') => `Transform: AWS::Serverless-2016-10-31
${extra}Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
${properties}`;
