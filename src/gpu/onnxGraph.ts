/**
 * An ONNX graph assembled in memory and encoded as a ModelProto (opset 17,
 * IR version 8). Field numbers are those of onnx/onnx.proto: ModelProto
 * {ir_version 1, producer_name 2, graph 7, opset_import 8}, GraphProto {node 1,
 * name 2, initializer 5, input 11, output 12}, NodeProto {input 1, output 2,
 * name 3, op_type 4, attribute 5}, AttributeProto {name 1, f 2, i 3, ints 8,
 * type 20}, TensorProto {dims 1, data_type 2, name 8, raw_data 9},
 * ValueInfoProto {name 1, type 2}, TypeProto {tensor_type 1}, TypeProto.Tensor
 * {elem_type 1, shape 2}, TensorShapeProto {dim 1}, Dimension {dim_value 1}.
 */
import { ProtoWriter, type DeferredBytes } from './protobuf';

export type TensorType = 'float32' | 'float16' | 'int64';

/** TensorProto.DataType */
const DATA_TYPE: Record<TensorType, number> = { float32: 1, int64: 7, float16: 10 };
export const BYTES_PER_ELEMENT: Record<TensorType, number> = { float32: 4, float16: 2, int64: 8 };

/** AttributeProto.AttributeType */
const ATTR_FLOAT = 1;
const ATTR_INT = 2;
const ATTR_INTS = 7;

export const OPSET = 17;
const IR_VERSION = 8;

export type Attribute = { kind: 'int'; value: number } | { kind: 'float'; value: number } | { kind: 'ints'; value: readonly number[] };

export const intAttr = (value: number): Attribute => ({ kind: 'int', value });
export const floatAttr = (value: number): Attribute => ({ kind: 'float', value });
export const intsAttr = (value: readonly number[]): Attribute => ({ kind: 'ints', value });

export interface ValueInfo {
  name: string;
  type: TensorType;
  dims: readonly number[];
}

export interface GraphNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  name: string;
  attributes: Readonly<Record<string, Attribute>>;
}

interface Initializer extends ValueInfo {
  data: DeferredBytes;
}

export function elementCount(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

function tensorTypeProto(type: TensorType, dims: readonly number[]): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of dims) shape.message(1, new ProtoWriter().int(1, d));
  const tensor = new ProtoWriter().int(1, DATA_TYPE[type]).message(2, shape);
  return new ProtoWriter().message(1, tensor);
}

function valueInfoProto(v: ValueInfo): ProtoWriter {
  return new ProtoWriter().string(1, v.name).message(2, tensorTypeProto(v.type, v.dims));
}

function attributeProto(name: string, a: Attribute): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  if (a.kind === 'int') w.int(3, a.value).int(20, ATTR_INT);
  else if (a.kind === 'float') w.float(2, a.value).int(20, ATTR_FLOAT);
  else {
    for (const v of a.value) w.int(8, v);
    w.int(20, ATTR_INTS);
  }
  return w;
}

export class OnnxGraph {
  readonly nodes: GraphNode[] = [];
  readonly inputs: ValueInfo[] = [];
  readonly outputs: ValueInfo[] = [];
  private readonly initializers: Initializer[] = [];
  private readonly names = new Set<string>();

  constructor(readonly name: string) {}

  private claim(name: string): string {
    if (this.names.has(name)) throw new Error(`ONNX graph "${this.name}": the name "${name}" is used twice`);
    this.names.add(name);
    return name;
  }

  input(name: string, type: TensorType, dims: readonly number[]): string {
    this.inputs.push({ name: this.claim(name), type, dims });
    return name;
  }

  /** Marks an existing value as a graph output. */
  output(name: string, type: TensorType, dims: readonly number[]): string {
    if (!this.names.has(name)) throw new Error(`ONNX graph "${this.name}": output "${name}" is not produced by any node`);
    this.outputs.push({ name, type, dims });
    return name;
  }

  /** A constant tensor whose bytes (little-endian) are written by `fill` when the model is encoded. */
  initializer(name: string, type: TensorType, dims: readonly number[], fill: (target: Uint8Array) => void): string {
    const length = elementCount(dims) * BYTES_PER_ELEMENT[type];
    const data: DeferredBytes = { length, write: (target, offset) => fill(target.subarray(offset, offset + length)) };
    this.initializers.push({ name: this.claim(name), type, dims, data });
    return name;
  }

  /** An int64 constant (shapes, indices). */
  int64(name: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.initializer(name, 'int64', dims, (t) => {
      const view = new DataView(t.buffer, t.byteOffset, t.byteLength);
      values.forEach((v, i) => view.setBigInt64(i * 8, BigInt(v), true));
    });
  }

  /** Adds a node; returns its first output's name. */
  node(op: string, inputs: readonly string[], outputs: readonly string[], attributes: Record<string, Attribute> = {}): string {
    for (const i of inputs) {
      if (!this.names.has(i)) throw new Error(`ONNX graph "${this.name}": ${op} reads "${i}", which nothing produces`);
    }
    for (const o of outputs) this.claim(o);
    this.nodes.push({ op, inputs, outputs, name: `${op}_${this.nodes.length}`, attributes });
    return outputs[0];
  }

  /** Model parameters: elements of the float initializers of rank >= 1 (scalar constants and int64 shapes are not parameters). */
  get parameterCount(): number {
    let n = 0;
    for (const i of this.initializers) if (i.type !== 'int64' && i.dims.length > 0) n += elementCount(i.dims);
    return n;
  }

  /** Bytes of the initializers (the bulk of the encoded model). */
  get initializerBytes(): number {
    let n = 0;
    for (const i of this.initializers) n += i.data.length;
    return n;
  }

  /** The largest initializer, bytes (one GPU buffer must hold it). */
  get largestInitializerBytes(): number {
    let m = 0;
    for (const i of this.initializers) m = Math.max(m, i.data.length);
    return m;
  }

  /** Encoded ModelProto. Initializer data is generated while encoding, straight into the result. */
  encode(producer = 'alpaserve-planner'): Uint8Array {
    const g = new ProtoWriter();
    for (const n of this.nodes) {
      const np = new ProtoWriter();
      for (const i of n.inputs) np.string(1, i);
      for (const o of n.outputs) np.string(2, o);
      np.string(3, n.name).string(4, n.op);
      for (const [k, a] of Object.entries(n.attributes)) np.message(5, attributeProto(k, a));
      g.message(1, np);
    }
    g.string(2, this.name);
    for (const init of this.initializers) {
      const t = new ProtoWriter();
      for (const d of init.dims) t.int(1, d);
      t.int(2, DATA_TYPE[init.type]).string(8, init.name).deferredBytes(9, init.data);
      g.message(5, t);
    }
    for (const v of this.inputs) g.message(11, valueInfoProto(v));
    for (const v of this.outputs) g.message(12, valueInfoProto(v));
    return new ProtoWriter()
      .int(1, IR_VERSION)
      .string(2, producer)
      .message(7, g)
      .message(8, new ProtoWriter().string(1, '').int(2, OPSET))
      .finish();
  }
}
