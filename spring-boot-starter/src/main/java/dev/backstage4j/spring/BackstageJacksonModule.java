package dev.backstage4j.spring;

import dev.backstage4j.catalog.model.Entity;
import dev.backstage4j.catalog.model.EntityMetadata;
import dev.backstage4j.catalog.model.EntityRef;
import dev.backstage4j.catalog.model.EntityRelation;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 mapping of the catalog model to Backstage's own JSON: an {@link Entity} is its entity tree
 * ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code relations}), an {@link EntityRef} is
 * its string form {@code kind:namespace/name}, an {@link EntityRelation} is {@code {type, targetRef}} and
 * {@link EntityMetadata} is the {@code metadata} object. Entities and refs also read back (bad input fails with the
 * model's own message). Spring Boot adds this module to the application's {@code JsonMapper}.
 */
public final class BackstageJacksonModule extends SimpleModule {

  /** Creates the module. */
  public BackstageJacksonModule() {
    super("backstage4j");
    addSerializer(Entity.class, new ValueSerializer<>() {
      @Override
      public void serialize(Entity value, JsonGenerator gen, SerializationContext ctxt) {
        ctxt.writeValue(gen, value.toMap());
      }
    });
    addSerializer(EntityMetadata.class, new ValueSerializer<>() {
      @Override
      public void serialize(EntityMetadata value, JsonGenerator gen, SerializationContext ctxt) {
        ctxt.writeValue(gen, value.toMap());
      }
    });
    addSerializer(EntityRef.class, new ValueSerializer<>() {
      @Override
      public void serialize(EntityRef value, JsonGenerator gen, SerializationContext ctxt) {
        gen.writeString(value.toString());
      }
    });
    addSerializer(EntityRelation.class, new ValueSerializer<>() {
      @Override
      public void serialize(EntityRelation value, JsonGenerator gen, SerializationContext ctxt) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("type", value.type());
        tree.put("targetRef", value.targetRef().toString());
        ctxt.writeValue(gen, tree);
      }
    });
    addDeserializer(Entity.class, new ValueDeserializer<>() {
      @Override
      @SuppressWarnings("unchecked")
      public Entity deserialize(JsonParser p, DeserializationContext ctxt) {
        Map<String, Object> tree = ctxt.readValue(p, Map.class);
        try {
          return Entity.fromMap(tree);
        } catch (RuntimeException e) {
          throw ctxt.weirdStringException(null, Entity.class, e.getMessage());
        }
      }
    });
    addDeserializer(EntityRef.class, new ValueDeserializer<>() {
      @Override
      public EntityRef deserialize(JsonParser p, DeserializationContext ctxt) {
        String text = p.getValueAsString();
        try {
          return EntityRef.parse(text);
        } catch (RuntimeException e) {
          throw ctxt.weirdStringException(text, EntityRef.class, e.getMessage());
        }
      }
    });
  }
}
