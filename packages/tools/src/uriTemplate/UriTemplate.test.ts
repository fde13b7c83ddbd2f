import { describe, expect, expectTypeOf, test } from 'vitest';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import { UriTemplate, type UriTemplateVariables } from './UriTemplate.js';

describe('UriTemplate', () => {
  test('matches simple, reserved, path and query expressions', () => {
    expect(
      new UriTemplate('test://template/{id}/data', 't').match('test://template/42/data'),
    ).toEqual({ id: '42' });
    expect(new UriTemplate('file:///{+path}', 't').match('file:///a/b%20c.txt')).toEqual({
      path: 'a/b c.txt',
    });
    expect(new UriTemplate('repo://x{/segments*}', 't').match('repo://x/a/b/c')).toEqual({
      segments: ['a', 'b', 'c'],
    });
    expect(
      new UriTemplate('search://items{?q,limit}', 't').match('search://items?q=cat&limit=5'),
    ).toEqual({ q: 'cat', limit: '5' });
    expect(new UriTemplate('db://{table}/{id}', 't').match('db://users')).toBeUndefined();
    expect(new UriTemplate('db://{table}/{id}', 't').match('other://users/1')).toBeUndefined();
  });

  test('expands', () => {
    expect(new UriTemplate('db://{table}/{id}', 't').expand({ table: 'a b', id: '1' })).toBe(
      'db://a%20b/1',
    );
    expect(new UriTemplate('search://items{?q,limit}', 't').expand({ q: 'x' })).toBe(
      'search://items?q=x',
    );
  });

  test.each([
    ['db://{table', '"{" at 5 is never closed'],
    ['db://table}', '"}" at 10 closes nothing'],
    ['db://{}', 'empty expression'],
    ['db://{=x}', 'operator "=" is reserved'],
    ['db://{a b}', 'bad variable name'],
    ['db://{id}/{id}', 'uses the variable "id" twice'],
    ['db://{id:0}', 'bad prefix length'],
  ])('%s is refused at definition time', (template, why) => {
    let thrown: unknown;
    try {
      new UriTemplate(template, 'resource template "t"');
    } catch (error) {
      thrown = error;
    }
    expect(ToolDefinitionError.is(thrown)).toBe(true);
    expect((thrown as ToolDefinitionError).code).toBe('INVALID_URI_TEMPLATE');
    expect((thrown as Error).message).toContain(why);
  });

  test('variables are typed from the template literal', () => {
    expectTypeOf<UriTemplateVariables<'db://{table}/{id}'>>().toEqualTypeOf<{
      table: string;
      id: string;
    }>();
    expectTypeOf<UriTemplateVariables<'repo://{owner}{/path*}{?ref}'>>().toEqualTypeOf<{
      owner: string;
      path: string[];
      ref: string;
    }>();
  });
});
