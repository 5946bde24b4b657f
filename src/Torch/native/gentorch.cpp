// gentorch: the native side of Gen.Torch, over Debian's libtorch 1.13.1.
//
// One boxed entry point (gen_op_call) runs any ATen operator through libtorch's dispatcher, so
// autograd, dtype promotion and error checking are libtorch's own. The remaining functions cover
// what is not an operator: tensor handles and raw data, autograd entry points, grad and inference
// modes, threads and seeds.
//
// Every entry point catches every C++ exception and reports failure through its return value;
// the message is kept per thread and read with gen_last_error(). Nothing here may throw across
// the C ABI.

#include <torch/torch.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/csrc/autograd/autograd.h>

#include <atomic>
#include <cstring>
#include <string>
#include <vector>

#define GEN_API extern "C" __attribute__((visibility("default")))

namespace {

thread_local std::string g_error;
std::atomic<int64_t> g_live{0};

// The value cell exchanged with managed code. Layout must match Native.Value in C#.
struct Value {
  int32_t tag;
  int32_t reserved;
  int64_t i;    // INT, BOOL, DEVICE type
  double d;     // DOUBLE
  void* p;      // TENSOR (at::Tensor*), lists (element array), STRING (const char*)
  int64_t n;    // list length, DEVICE index
};

enum Tag : int32_t {
  NONE = 0,
  TENSOR = 1,
  INT = 2,
  DOUBLE = 3,
  BOOL = 4,
  INTLIST = 5,
  TENSORLIST = 6,
  STRING = 7,
  DOUBLELIST = 8,
  OPTTENSORLIST = 9,
  DEVICE = 10,
  BOOLLIST = 11,
};

thread_local std::vector<Value> g_results;

at::Tensor* own(at::Tensor t) {
  g_live.fetch_add(1, std::memory_order_relaxed);
  return new at::Tensor(std::move(t));
}

void set_error(const char* what) { g_error = what ? what : "unknown native error"; }

#define GEN_TRY try {
#define GEN_CATCH(fail)                                  \
  }                                                      \
  catch (const c10::Error& e) {                          \
    set_error(e.what_without_backtrace());               \
    return fail;                                         \
  }                                                      \
  catch (const std::exception& e) {                      \
    set_error(e.what());                                 \
    return fail;                                         \
  }                                                      \
  catch (...) {                                          \
    set_error("unknown C++ exception");                  \
    return fail;                                         \
  }

c10::TypePtr unwrap_optional(const c10::TypePtr& t) {
  if (auto opt = t->cast<c10::OptionalType>()) return opt->getElementType();
  return t;
}

// Converts one managed value to the IValue the schema argument expects.
c10::IValue to_ivalue(const Value& v, const c10::Argument& arg) {
  const auto type = unwrap_optional(arg.type());
  const auto kind = type->kind();
  switch (v.tag) {
    case NONE:
      return c10::IValue();
    case TENSOR:
      if (v.p == nullptr) return c10::IValue();
      return c10::IValue(*static_cast<at::Tensor*>(v.p));
    case INT:
      if (kind == c10::TypeKind::FloatType) return c10::IValue(static_cast<double>(v.i));
      if (kind == c10::TypeKind::BoolType) return c10::IValue(v.i != 0);
      if (kind == c10::TypeKind::ListType) {
        // int[N] arguments accept one int for all N, as in Python.
        const int64_t n = arg.N() ? *arg.N() : 1;
        return c10::IValue(std::vector<int64_t>(static_cast<size_t>(n), v.i));
      }
      return c10::IValue(v.i);
    case DOUBLE:
      if (kind == c10::TypeKind::IntType) {
        TORCH_CHECK(false, "argument '", arg.name(), "' expects an int, got a float");
      }
      return c10::IValue(v.d);
    case BOOL:
      return c10::IValue(v.i != 0);
    case INTLIST: {
      const auto* data = static_cast<const int64_t*>(v.p);
      return c10::IValue(std::vector<int64_t>(data, data + v.n));
    }
    case DOUBLELIST: {
      const auto* data = static_cast<const double*>(v.p);
      return c10::IValue(std::vector<double>(data, data + v.n));
    }
    case BOOLLIST: {
      const auto* data = static_cast<const uint8_t*>(v.p);
      c10::List<bool> list;
      for (int64_t k = 0; k < v.n; ++k) list.push_back(data[k] != 0);
      return c10::IValue(list);
    }
    case TENSORLIST: {
      auto** data = static_cast<at::Tensor**>(v.p);
      c10::List<at::Tensor> list;
      list.reserve(static_cast<size_t>(v.n));
      for (int64_t k = 0; k < v.n; ++k) list.push_back(*data[k]);
      return c10::IValue(list);
    }
    case OPTTENSORLIST: {
      auto** data = static_cast<at::Tensor**>(v.p);
      c10::List<c10::optional<at::Tensor>> list;
      for (int64_t k = 0; k < v.n; ++k) {
        if (data[k] == nullptr) list.push_back(c10::nullopt);
        else list.push_back(*data[k]);
      }
      return c10::IValue(list);
    }
    case STRING:
      return c10::IValue(std::string(static_cast<const char*>(v.p)));
    case DEVICE:
      return c10::IValue(c10::Device(static_cast<c10::DeviceType>(v.i), static_cast<c10::DeviceIndex>(v.n)));
    default:
      TORCH_CHECK(false, "unknown argument tag ", v.tag, " for '", arg.name(), "'");
  }
}

void push_result(const c10::IValue& iv) {
  Value out{};
  if (iv.isTensor()) {
    const auto& t = iv.toTensor();
    out.tag = TENSOR;
    out.p = t.defined() ? own(t) : nullptr;
  } else if (iv.isTensorList()) {
    for (const at::Tensor& t : iv.toTensorList()) push_result(c10::IValue(t));
    return;
  } else if (iv.isInt()) {
    out.tag = INT;
    out.i = iv.toInt();
  } else if (iv.isDouble()) {
    out.tag = DOUBLE;
    out.d = iv.toDouble();
  } else if (iv.isBool()) {
    out.tag = BOOL;
    out.i = iv.toBool() ? 1 : 0;
  } else if (iv.isNone()) {
    out.tag = NONE;
  } else if (iv.isTuple()) {
    for (const auto& e : iv.toTupleRef().elements()) push_result(e);
    return;
  } else {
    TORCH_CHECK(false, "unsupported operator result type ", iv.tagKind());
  }
  g_results.push_back(out);
}

}  // namespace

// ---- errors ------------------------------------------------------------------------------------

GEN_API const char* gen_last_error() { return g_error.c_str(); }

// ---- operators ---------------------------------------------------------------------------------

// Finds an operator by qualified name and overload ("aten::add", "Tensor"). The handle lives for
// the life of the process. Returns null (and sets the error) when there is no such operator.
GEN_API void* gen_op_find(const char* name, const char* overload) {
  GEN_TRY
  auto handle = c10::Dispatcher::singleton().findSchema({name, overload});
  if (!handle.has_value()) {
    g_error = std::string("no operator ") + name + (overload[0] ? std::string(".") + overload : "");
    return nullptr;
  }
  return new c10::OperatorHandle(*handle);
  GEN_CATCH(nullptr)
}

// Calls an operator with nargs positional values; trailing arguments with defaults may be left
// out. On success returns the number of results, which gen_op_results() exposes until the next
// call on this thread; on failure returns -1.
GEN_API int32_t gen_op_call(void* op_handle, const Value* args, int32_t nargs) {
  GEN_TRY
  const auto& op = *static_cast<c10::OperatorHandle*>(op_handle);
  const auto& schema = op.schema();
  const auto& formals = schema.arguments();
  TORCH_CHECK(static_cast<size_t>(nargs) <= formals.size(), schema.name(), ": ", nargs,
              " arguments given, the schema takes ", formals.size());
  torch::jit::Stack stack;
  stack.reserve(formals.size());
  for (size_t k = 0; k < formals.size(); ++k) {
    if (k < static_cast<size_t>(nargs)) {
      stack.push_back(to_ivalue(args[k], formals[k]));
    } else if (formals[k].default_value().has_value()) {
      stack.push_back(*formals[k].default_value());
    } else {
      TORCH_CHECK(false, schema.name(), ": missing argument '", formals[k].name(), "'");
    }
  }
  op.callBoxed(&stack);
  g_results.clear();
  for (const auto& iv : stack) push_result(iv);
  return static_cast<int32_t>(g_results.size());
  GEN_CATCH(-1)
}

GEN_API const Value* gen_op_results() { return g_results.data(); }

// ---- tensor handles ----------------------------------------------------------------------------

GEN_API void gen_tensor_free(void* t) {
  if (t == nullptr) return;
  delete static_cast<at::Tensor*>(t);
  g_live.fetch_sub(1, std::memory_order_relaxed);
}

GEN_API int64_t gen_live_tensors() { return g_live.load(); }

// Copies nbytes of raw data into a new CPU tensor of the given shape and dtype.
GEN_API void* gen_tensor_from_data(const void* data, const int64_t* sizes, int32_t ndim, int32_t dtype) {
  GEN_TRY
  auto options = at::TensorOptions().dtype(static_cast<c10::ScalarType>(dtype));
  at::Tensor t = at::empty(c10::IntArrayRef(sizes, static_cast<size_t>(ndim)), options);
  const auto nbytes = t.numel() * static_cast<int64_t>(t.element_size());
  if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
  return own(t);
  GEN_CATCH(nullptr)
}

GEN_API void* gen_tensor_alias(void* t) {
  GEN_TRY
  return own(*static_cast<at::Tensor*>(t));
  GEN_CATCH(nullptr)
}

GEN_API int32_t gen_tensor_ndim(void* t) { return static_cast<int32_t>(static_cast<at::Tensor*>(t)->dim()); }

GEN_API void gen_tensor_sizes(void* t, int64_t* out) {
  const auto sizes = static_cast<at::Tensor*>(t)->sizes();
  for (size_t k = 0; k < sizes.size(); ++k) out[k] = sizes[k];
}

GEN_API int64_t gen_tensor_numel(void* t) { return static_cast<at::Tensor*>(t)->numel(); }

GEN_API int32_t gen_tensor_dtype(void* t) { return static_cast<int32_t>(static_cast<at::Tensor*>(t)->scalar_type()); }

GEN_API void gen_tensor_device(void* t, int32_t* type, int32_t* index) {
  const auto device = static_cast<at::Tensor*>(t)->device();
  *type = static_cast<int32_t>(device.type());
  *index = device.index();
}

GEN_API int32_t gen_tensor_is_contiguous(void* t) { return static_cast<at::Tensor*>(t)->is_contiguous() ? 1 : 0; }

// The address of the first element of a contiguous CPU tensor, or null otherwise.
GEN_API void* gen_tensor_data_ptr(void* t) {
  GEN_TRY
  auto& x = *static_cast<at::Tensor*>(t);
  if (!x.is_contiguous() || x.device().type() != c10::DeviceType::CPU) return nullptr;
  return x.data_ptr();
  GEN_CATCH(nullptr)
}

// Identity of the underlying tensor: two handles over one TensorImpl give the same value.
GEN_API void* gen_tensor_impl(void* t) { return static_cast<at::Tensor*>(t)->unsafeGetTensorImpl(); }

// Copies the tensor's elements (as a contiguous CPU tensor) to dst, which holds nbytes.
GEN_API int32_t gen_tensor_copy_out(void* t, void* dst, int64_t nbytes) {
  GEN_TRY
  at::NoGradGuard no_grad;
  at::Tensor c = static_cast<at::Tensor*>(t)->detach().to(at::kCPU).contiguous();
  const auto need = c.numel() * static_cast<int64_t>(c.element_size());
  TORCH_CHECK(need == nbytes, "copy_out: tensor holds ", need, " bytes, buffer ", nbytes);
  if (need > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(need));
  return 0;
  GEN_CATCH(-1)
}

// Overwrites the tensor's elements in place (no autograd) from nbytes of raw data of its dtype.
GEN_API int32_t gen_tensor_copy_in(void* t, const void* src, int64_t nbytes) {
  GEN_TRY
  at::NoGradGuard no_grad;
  at::Tensor& dst = *static_cast<at::Tensor*>(t);
  const auto need = dst.numel() * static_cast<int64_t>(dst.element_size());
  TORCH_CHECK(need == nbytes, "copy_in: tensor holds ", need, " bytes, data ", nbytes);
  at::Tensor from = at::from_blob(const_cast<void*>(src), dst.sizes(), at::TensorOptions().dtype(dst.scalar_type()));
  dst.copy_(from);
  return 0;
  GEN_CATCH(-1)
}

// ---- autograd ----------------------------------------------------------------------------------

GEN_API int32_t gen_tensor_requires_grad(void* t) { return static_cast<at::Tensor*>(t)->requires_grad() ? 1 : 0; }

GEN_API int32_t gen_tensor_set_requires_grad(void* t, int32_t value) {
  GEN_TRY
  static_cast<at::Tensor*>(t)->set_requires_grad(value != 0);
  return 0;
  GEN_CATCH(-1)
}

GEN_API int32_t gen_tensor_is_leaf(void* t) { return static_cast<at::Tensor*>(t)->is_leaf() ? 1 : 0; }

// The gradient as a new handle, or null when there is none.
GEN_API void* gen_tensor_grad(void* t) {
  GEN_TRY
  const at::Tensor& g = static_cast<at::Tensor*>(t)->grad();
  return g.defined() ? own(g) : nullptr;
  GEN_CATCH(nullptr)
}

GEN_API int32_t gen_tensor_set_grad(void* t, void* grad) {
  GEN_TRY
  auto& slot = static_cast<at::Tensor*>(t)->mutable_grad();
  if (grad == nullptr) slot.reset();
  else slot = *static_cast<at::Tensor*>(grad);
  return 0;
  GEN_CATCH(-1)
}

GEN_API int32_t gen_backward(void** tensors, int32_t n, void** grads, int32_t ngrads, int32_t retain_graph,
                             int32_t create_graph, void** inputs, int32_t ninputs) {
  GEN_TRY
  std::vector<at::Tensor> outs, gs, ins;
  for (int32_t k = 0; k < n; ++k) outs.push_back(*static_cast<at::Tensor*>(tensors[k]));
  for (int32_t k = 0; k < ngrads; ++k)
    gs.push_back(grads[k] ? *static_cast<at::Tensor*>(grads[k]) : at::Tensor());
  for (int32_t k = 0; k < ninputs; ++k) ins.push_back(*static_cast<at::Tensor*>(inputs[k]));
  torch::autograd::backward(outs, gs, retain_graph ? c10::optional<bool>(true) : c10::nullopt, create_graph != 0, ins);
  return 0;
  GEN_CATCH(-1)
}

GEN_API int32_t gen_grad_enabled() { return c10::GradMode::is_enabled() ? 1 : 0; }

GEN_API void gen_set_grad_enabled(int32_t enabled) { c10::GradMode::set_enabled(enabled != 0); }

GEN_API void* gen_inference_mode_enter(int32_t enabled) {
  GEN_TRY
  return new c10::InferenceMode(enabled != 0);
  GEN_CATCH(nullptr)
}

GEN_API void gen_inference_mode_exit(void* guard) { delete static_cast<c10::InferenceMode*>(guard); }

GEN_API int32_t gen_inference_mode_enabled() { return c10::InferenceMode::is_enabled() ? 1 : 0; }

// ---- threads and seeds -------------------------------------------------------------------------

GEN_API void gen_set_num_threads(int32_t n) { at::set_num_threads(n); }

GEN_API int32_t gen_get_num_threads() { return at::get_num_threads(); }

GEN_API int32_t gen_set_num_interop_threads(int32_t n) {
  GEN_TRY
  at::set_num_interop_threads(n);
  return 0;
  GEN_CATCH(-1)
}

GEN_API int32_t gen_get_num_interop_threads() { return at::get_num_interop_threads(); }

GEN_API void gen_manual_seed(int64_t seed) { torch::manual_seed(static_cast<uint64_t>(seed)); }

GEN_API int64_t gen_initial_seed() { return static_cast<int64_t>(at::detail::getDefaultCPUGenerator().current_seed()); }
