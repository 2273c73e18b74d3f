import { bindPortToLoopback, withLoopbackPorts } from './loopbackPorts';

describe('bindPortToLoopback', () => {
  it.each([
    ['5432:5432', '127.0.0.1:5432:5432'],
    ['8081:8080/tcp', '127.0.0.1:8081:8080/tcp'],
    ['5432', '127.0.0.1::5432'],
    [5432, '127.0.0.1::5432'],
    ['9000-9001:9000-9001', '127.0.0.1:9000-9001:9000-9001'],
    ['127.0.0.1:5432:5432', '127.0.0.1:5432:5432'],
    ['0.0.0.0:80:80', '0.0.0.0:80:80'],
    ['[::1]:80:80', '[::1]:80:80'],
  ])('binds %j as %j', (port, expected) => {
    expect(bindPortToLoopback(port)).toBe(expected);
  });

  it('adds host_ip to the long syntax unless it names one', () => {
    expect(bindPortToLoopback({ target: 80, published: '8080' })).toEqual({
      target: 80,
      published: '8080',
      host_ip: '127.0.0.1',
    });
    expect(bindPortToLoopback({ target: 80, host_ip: '::1' })).toEqual({
      target: 80,
      host_ip: '::1',
    });
  });

  it('leaves a service without ports as it is', () => {
    const service = { image: 'redis' };
    expect(withLoopbackPorts(service)).toBe(service);
    expect(withLoopbackPorts({ image: 'x', ports: ['1:1'] })).toEqual({
      image: 'x',
      ports: ['127.0.0.1:1:1'],
    });
  });
});
