/* Render /openapi.json as a plain reference page, offline. Text only: no markup from the spec is parsed. */
(function () {
  "use strict";

  function h(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = String(text);
    return n;
  }

  function typeOf(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
    if (schema.enum) return schema.enum.map(function (v) { return JSON.stringify(v); }).join(" | ");
    if (schema.type === "array") return typeOf(schema.items) + "[]";
    return schema.type || (schema.const !== undefined ? JSON.stringify(schema.const) : "object");
  }

  function operation(path, method, op) {
    var box = h("section", "op");
    var title = h("h3");
    title.appendChild(h("span", "method " + method, method.toUpperCase()));
    title.appendChild(document.createTextNode(path));
    box.appendChild(title);
    if (op.summary) box.appendChild(h("p", null, op.summary));
    if (op.description) box.appendChild(h("p", "desc", op.description));
    var params = op.parameters || [];
    if (params.length) {
      var table = h("table");
      var head = h("tr");
      ["parameter", "in", "type", "description"].forEach(function (t) { head.appendChild(h("th", null, t)); });
      table.appendChild(head);
      params.forEach(function (p) {
        var row = h("tr");
        row.appendChild(h("td", null, p.name + (p.required ? " *" : "")));
        row.appendChild(h("td", null, p["in"]));
        row.appendChild(h("td", null, typeOf(p.schema)));
        row.appendChild(h("td", null, p.description || (p.schema && p.schema.description) || ""));
        table.appendChild(row);
      });
      box.appendChild(table);
    }
    if (op.requestBody) {
      var body = op.requestBody.content && op.requestBody.content["application/json"];
      box.appendChild(h("p", null, "JSON body: " + typeOf(body && body.schema)));
    }
    if (op.security) box.appendChild(h("p", null, "Needs Authorization: Bearer $SITREP_API_TOKEN."));
    var codes = Object.keys(op.responses || {}).join(", ");
    box.appendChild(h("p", "meta", "Responses: " + codes));
    return box;
  }

  function schemaBlock(name, schema) {
    var box = h("section", "op schema");
    box.appendChild(h("h3", null, name));
    var props = schema.properties || {};
    var table = h("table");
    Object.keys(props).forEach(function (k) {
      var row = h("tr");
      row.appendChild(h("td", null, k));
      row.appendChild(h("td", null, typeOf(props[k])));
      row.appendChild(h("td", null, props[k].description || ""));
      table.appendChild(row);
    });
    box.appendChild(table);
    return box;
  }

  fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    var root = document.getElementById("docs");
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(h("h1", null, spec.info.title + " API " + spec.info.version));
    root.appendChild(h("p", "desc", spec.info.description || ""));
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        root.appendChild(operation(path, method, spec.paths[path][method]));
      });
    });
    root.appendChild(h("h2", null, "Schemas"));
    var schemas = (spec.components && spec.components.schemas) || {};
    Object.keys(schemas).forEach(function (name) { root.appendChild(schemaBlock(name, schemas[name])); });
  }).catch(function (err) {
    document.getElementById("docs").textContent = "Could not load /openapi.json: " + err.message;
  });
})();
