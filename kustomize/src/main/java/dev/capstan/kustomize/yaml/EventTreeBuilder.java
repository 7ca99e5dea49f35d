package dev.capstan.kustomize.yaml;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Builds content trees straight from SnakeYAML's parser events, without composing a node graph
 * first: the fast path of {@link YamlReader} for the plain YAML nearly every manifest is.
 *
 * <p>It declines (returns empty) as soon as a stream uses anything whose meaning lives in the node
 * graph or needs care: anchors, aliases, explicit tags, merge keys ({@code <<}), duplicate or
 * non-string keys where those are errors, very deep nesting or very many nodes, and any error at
 * all. {@link YamlReader} then reads the text the full way, which gives the same trees for every
 * stream this class accepts (scalars resolve through the same core schema and the same scalar
 * rules) and the exact errors for the rest.
 *
 * <p>Stateless and thread-safe.
 */
final class EventTreeBuilder {
  /** Below the full reader's own limits, so that whatever it would refuse is declined here. */
  private static final int MAX_DEPTH = 500;

  private static final long MAX_NODES = 1_000_000;

  private static final ScalarResolver RESOLVER = YamlReader.CORE_SCHEMA.getScalarResolver();

  /** Marks are only needed for error messages, which this path never produces. */
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setSchema(YamlReader.CORE_SCHEMA)
          .setCodePointLimit(64 * 1024 * 1024)
          .setUseMarks(false)
          .build();

  /** Thrown to give up; carries no stack trace. */
  private static final class Declined extends RuntimeException {
    Declined() {
      super("declined", null, false, false);
    }
  }

  private static final RuntimeException DECLINE = new Declined();

  private final Iterator<Event> events;
  private final boolean configScalars;
  private long nodes;

  private EventTreeBuilder(Iterator<Event> events, boolean configScalars) {
    this.events = events;
    this.configScalars = configScalars;
  }

  /**
   * The documents of {@code text} as {@link YamlReader#readAll(String, String, boolean)} returns
   * them, or empty when the full reader must decide.
   *
   * @param configScalars read as a kustomization or configuration file (YAML 1.1 booleans,
   *     duplicate keys replace), else as a resource file
   */
  static Optional<List<Object>> read(String text, boolean configScalars) {
    try {
      Iterator<Event> it = new Parse(SETTINGS).parseString(text).iterator();
      return Optional.of(new EventTreeBuilder(it, configScalars).stream());
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private List<Object> stream() {
    expect(Event.ID.StreamStart);
    List<Object> out = new ArrayList<>();
    while (true) {
      Event e = events.next();
      if (e.getEventId() == Event.ID.StreamEnd) {
        return out;
      }
      if (e.getEventId() != Event.ID.DocumentStart) {
        throw DECLINE;
      }
      Object tree = node(events.next(), 0);
      expect(Event.ID.DocumentEnd);
      if (tree != null) {
        out.add(tree);
      }
    }
  }

  private void expect(Event.ID id) {
    if (events.next().getEventId() != id) {
      throw DECLINE;
    }
  }

  private Object node(Event e, int depth) {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
      throw DECLINE;
    }
    if (!(e instanceof NodeEvent n) || n.getAnchor().isPresent()) {
      throw DECLINE; // aliases, anchors
    }
    return switch (e.getEventId()) {
      case Scalar -> {
        ScalarEvent s = (ScalarEvent) e;
        if (s.getTag().isPresent()) {
          throw DECLINE;
        }
        Tag tag = RESOLVER.resolve(s.getValue(), s.getImplicit().canOmitTagInPlainScalar());
        boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
        yield configScalars
            ? YamlReader.configScalar(tag, s.getValue(), plain)
            : YamlReader.resourceScalar(tag, s.getValue(), plain);
      }
      case SequenceStart -> {
        untagged(e);
        List<Object> list = new ArrayList<>();
        for (Event item = events.next();
            item.getEventId() != Event.ID.SequenceEnd;
            item = events.next()) {
          list.add(node(item, depth + 1));
        }
        yield list;
      }
      case MappingStart -> {
        untagged(e);
        Map<String, Object> map = new LinkedHashMap<>();
        for (Event k = events.next(); k.getEventId() != Event.ID.MappingEnd; k = events.next()) {
          String key = key(k);
          if (!configScalars && map.containsKey(key)) {
            throw DECLINE; // the full reader names the duplicate key and its line
          }
          map.put(key, node(events.next(), depth + 1));
        }
        yield map;
      }
      default -> throw DECLINE;
    };
  }

  private static void untagged(Event e) {
    if (((CollectionStartEvent) e).getTag().isPresent()) {
      throw DECLINE;
    }
  }

  /** A mapping key as the full reader names it: the text of a scalar that reads as a string. */
  private String key(Event e) {
    if (!(e instanceof ScalarEvent s) || s.getAnchor().isPresent() || s.getTag().isPresent()) {
      throw DECLINE;
    }
    String text = s.getValue();
    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
    Tag tag = RESOLVER.resolve(text, s.getImplicit().canOmitTagInPlainScalar());
    if (tag.equals(Tag.MERGE) || plain && "<<".equals(text)) {
      throw DECLINE;
    }
    Object v = YamlReader.scalar(tag, text);
    if (!configScalars && !(v instanceof String)) {
      throw DECLINE;
    }
    return v == null ? "null" : text;
  }
}
